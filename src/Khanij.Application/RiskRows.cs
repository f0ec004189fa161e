using Khanij.Analytics.Risk;
using Khanij.Core;

namespace Khanij.Application;

/// <summary>Builds the rows of <c>khanij risk --json</c> and <c>/api/risk</c> from the analytics' results, so both give the same fields.</summary>
internal static class RiskRows
{
    public static RiskRow From(StageRisk r, double? publishedTop3)
    {
        var t = r.Global;
        var imports = r.Imports is { } i
            ? new RiskImports(i.Year, i.TotalImports, i.Hhi, Ordered(i.Shares), i.ShareFromPartners, i.PartnerBases, i.ShareFromRestricting, i.HsBasis, i.Notes,
                i.ContentBasis, i.Shares.ToDictionary(s => s.Iso3, s => s.Value, StringComparer.Ordinal), i.Exports, i.ExportsBasis,
                [.. i.Codes.Select(c => new RiskTradeCode(c.HsCode, c.Product, c.Kind, c.ContentFactor, c.FactorBasis, c.GrossTonnes, c.ContainedTonnes, c.Counted, c.Reason))],
                i.LeftOutContainedTonnes, i.Sources)
            : null;
        var n = r.Reliance;
        var restricted = r.GlobalGovernance.Terms.Where(x => x.RestrictionIds.Count > 0).ToList();
        return new RiskRow(
            t.Key.MineralId, t.Key.Stage.ToId(), t.Key.Year, t.Key.Source, t.Key.Scenario, t.Measure, t.Unit, t.Basis,
            t.Hhi, t.HhiAmongNamed, t.Top1Iso3, t.Top1Share, t.Top3Share, publishedTop3, t.CoverageWithoutTop1, t.Producers,
            Ordered(t.Shares), t.ResidualShare, t.ResidualBasis, t.Denominator, t.PublishedTotal, t.Withheld,
            r.GlobalGovernance.HhiWgi, r.GlobalGovernance.HhiWgiT, r.GlobalGovernance.WgiYear, r.GlobalGovernance.MissingWgi,
            restricted.Sum(x => x.Share), restricted.ToDictionary(x => x.Iso3, x => x.RestrictionIds, StringComparer.Ordinal),
            r.Perspective, r.Score, r.Formula, r.ImportReliance, r.ImportRelianceBasis, imports,
            new RiskProvenance(t.Sources, t.Shares.Where(s => s.Provenance is not null)
                .ToDictionary(s => s.Iso3, s => $"{s.Provenance!.SourceFile}:{s.Provenance.Line}", StringComparer.Ordinal)),
            t.Notes,
            new RiskReliance(n.Value, n.Production, n.Imports, n.Exports, n.ApparentConsumption, n.IsUpperBound, n.Clipped, n.Basis),
            r.IsMaterial, r.MinorSuppliers, r.MaterialityBasis, r.Recycling);
    }

    private static Dictionary<string, double> Ordered(IReadOnlyList<CountryShare> shares)
    {
        var d = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var s in shares)
        {
            d[s.Iso3] = s.Share;
        }
        return d;
    }
}
