using Khanij.Core.Facts;

namespace Khanij.Analytics.Risk;

/// <summary>Governance-weighted concentration as in the EU criticality method: HHI_WGI = Σ sᵢ² × WGIᵢ and HHI_WGI,t = Σ sᵢ² × WGIᵢ × tᵢ,
/// with shares as fractions and WGI on 0–10, so both lie in [0, 10] (×t up to the restriction factor).
/// Countries without a WGI score contribute nothing and are listed in <see cref="MissingWgi"/> with their share.</summary>
/// <param name="HhiWgi">Σ sᵢ² × WGIᵢ over countries with a score.</param>
/// <param name="HhiWgiT">Σ sᵢ² × WGIᵢ × tᵢ (× partner factor where applied).</param>
/// <param name="Terms">Every country's term, largest share first.</param>
/// <param name="MissingWgi">Countries with no WGI score (reported, not filled).</param>
/// <param name="ShareWithoutWgi">Total share of those countries.</param>
/// <param name="WgiYear">WGI year used.</param>
/// <param name="Indicators">WGI dimensions averaged.</param>
public sealed record GovernanceWeighted(
    double HhiWgi, double HhiWgiT, IReadOnlyList<GovernanceTerm> Terms, IReadOnlyList<string> MissingWgi, double ShareWithoutWgi,
    int? WgiYear, IReadOnlyList<string> Indicators)
{
    /// <summary>Computes the weighted concentration of <paramref name="shares"/>.</summary>
    /// <param name="shares">Country shares (fractions of the table's denominator).</param>
    /// <param name="governance">WGI scores.</param>
    /// <param name="restrictions">Restrictions in force by restricting country (see <see cref="RestrictionRules.InForce"/>).</param>
    /// <param name="parameters">The restriction factor (and, when <paramref name="partnerBases"/> is given, the partner factor).</param>
    /// <param name="partnerBases">For the sourcing side: each partner country's link bases. Null on the global-supply side.</param>
    public static GovernanceWeighted Compute(
        IEnumerable<CountryShare> shares,
        GovernanceIndex governance,
        IReadOnlyDictionary<string, IReadOnlyList<ExportRestriction>> restrictions,
        RiskParameters parameters,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? partnerBases = null)
    {
        ArgumentNullException.ThrowIfNull(shares);
        ArgumentNullException.ThrowIfNull(governance);
        ArgumentNullException.ThrowIfNull(restrictions);
        ArgumentNullException.ThrowIfNull(parameters);
        var terms = new List<GovernanceTerm>();
        foreach (var s in shares.Where(s => s.Share > 0))
        {
            var wgi = governance.Score(s.Iso3);
            var ids = restrictions.TryGetValue(s.Iso3, out var rs) ? rs.Select(r => r.Id).ToList() : [];
            var t = ids.Count > 0 ? parameters.RestrictionFactor : 1.0;
            IReadOnlyList<string> bases = partnerBases is not null && partnerBases.TryGetValue(s.Iso3, out var b) ? b : [];
            var pf = bases.Count > 0 ? parameters.PartnerFactor : 1.0;
            terms.Add(new GovernanceTerm(s.Iso3, s.Share, wgi, t, ids, pf, bases, wgi is { } w ? s.Share * s.Share * w * t * pf : null));
        }
        var missing = terms.Where(t => t.Wgi is null).ToList();
        return new GovernanceWeighted(
            HhiWgi: terms.Where(t => t.Wgi is not null).Sum(t => t.Share * t.Share * t.Wgi!.Value),
            HhiWgiT: terms.Sum(t => t.Term ?? 0),
            Terms: terms,
            MissingWgi: [.. missing.Select(t => t.Iso3)],
            ShareWithoutWgi: missing.Sum(t => t.Share),
            WgiYear: governance.Year,
            Indicators: governance.Indicators);
    }
}
