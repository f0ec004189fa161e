using CsCheck;
using Khanij.Analytics.Risk;

namespace Khanij.Analytics.Tests.Risk;

public sealed class SupplyConcentrationPropertyTests
{
    private static readonly Gen<(double[] Countries, double Other)> Tables =
        Gen.Select(Gen.Double[0, 1e6].Array[1, 30], Gen.Double[0, 1e5]).Where(t => t.Item1.Sum() > 0);

    [Fact]
    public void Compute_RandomTable_SharesAndResidualSumToOneAndBoundsHold() =>
        Tables.Sample(t =>
        {
            // Given
            var facts = t.Countries.Select((v, i) => Fact.Country("C" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), v))
                .Append(Fact.Aggregate("other", t.Other)).ToList();

            // When
            var r = SupplyConcentration.Compute(facts);

            // Then
            return Math.Abs(r.Shares.Sum(s => s.Share) + r.ResidualShare - 1) < 1e-9
                && r.Hhi <= r.HhiAmongNamed + 1e-9
                && r.Hhi <= 10_000 + 1e-9
                && Math.Abs(r.CoverageWithoutTop1!.Value - (1 - r.Top1Share!.Value)) < 1e-12
                && r.Top3Share >= r.Top1Share - 1e-12
                && r.Shares.Zip(r.Shares.Skip(1)).All(p => p.First.Share >= p.Second.Share);
        });

    [Fact]
    public void GovernanceWeighted_RandomShares_StaysWithinTenTimesHhiAndTheRestrictionFactor() =>
        Gen.Select(Gen.Double[0.001, 1e3].Array[1, 20], Gen.Double[-3, 3].Array[20], Gen.Bool.Array[20]).Sample((values, estimates, restricted) =>
        {
            // Given
            var shares = Concentration.Shares(values).Select((s, i) => new CountryShare("C" + i, values[i], s, null)).ToList();
            var index = GovernanceIndex.Build(
                shares.Select((s, i) => new Khanij.Core.Facts.GovernanceScore(s.Iso3, "CC", 2022, estimates[i], null, Fact.Prov(s.Iso3))), ["CC"], null);
            var restrictions = shares.Where((s, i) => restricted[i]).ToDictionary(
                s => s.Iso3,
                s => (IReadOnlyList<Khanij.Core.Facts.ExportRestriction>)[new("R", s.Iso3, "export_ban", ["testium"], "", "all", "", "", "", "in_force", "", "", Fact.Prov("R"))]);

            // When
            var g = GovernanceWeighted.Compute(shares, index, restrictions, RiskParameters.Default);

            // Then
            var hhiFraction = Concentration.Hhi(shares.Select(s => s.Share)) / 10_000;
            return g.HhiWgi >= 0 && g.HhiWgi <= 10 * hhiFraction + 1e-9
                && g.HhiWgiT >= g.HhiWgi - 1e-12 && g.HhiWgiT <= RiskParameters.Default.RestrictionFactor * g.HhiWgi + 1e-9
                && g.MissingWgi.Count == 0;
        });
}
