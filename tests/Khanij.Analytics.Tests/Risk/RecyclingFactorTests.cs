using Khanij.Analytics.Risk;
using Khanij.Core;
using Khanij.Core.Facts;

namespace Khanij.Analytics.Tests.Risk;

public sealed class RecyclingFactorTests
{
    private static RecyclingRate Rate(string mineral, string element, string indicator, string printed, double? low, double? high, string qualifier) =>
        new(element[..2], element, mineral, indicator, printed, low, high, qualifier, "a cited study", Fact.Prov(element));

    [Fact]
    public void For_RcBelowEolRr_UsesTheSmallerUpperBound()
    {
        // Given: UNEP prints cobalt EOL-RR 68 and RC 32 (both upper bounds of the EU's EoL-RIR)
        var rates = new[]
        {
            Rate("cobalt", "cobalt", "EOL-RR", "68d", 68, 68, "point"),
            Rate("cobalt", "cobalt", "RC", "32d", 32, 32, "point"),
            Rate("nickel", "nickel", "RC", "10", 10, 10, "point"),
        };

        // When
        var input = RecyclingFactor.For("cobalt", rates);

        // Then: 32 % of the other mineral's 10 % is not taken; the factor is 1 − 0.32
        input.RatePercent.ShouldBe(32);
        input.Factor.ShouldBe(0.68, 1e-12);
        input.UsesBound.ShouldBeFalse();
        input.EolRrRange.ShouldContain("68d");
        input.RcRange.ShouldContain("32d");
        RecyclingFactor.Apply(5.0, input).ShouldBe(3.4, 1e-12);
    }

    [Fact]
    public void For_OnlyLessThanOne_UsesTheBoundAndSaysSo()
    {
        // Given: lithium "<1" (low blank, high 1) and a blank RC cell
        var rates = new[]
        {
            Rate("lithium", "lithium", "EOL-RR", "<1", null, 1, "less than"),
            Rate("lithium", "lithium", "RC", "", null, null, "blank cell (no estimate)"),
        };

        // When
        var input = RecyclingFactor.For("lithium", rates);

        // Then
        input.RatePercent.ShouldBe(1);
        input.UsesBound.ShouldBeTrue();
        input.Basis.ShouldContain("bound");
        input.Basis.ShouldContain("'<1'");
    }

    [Fact]
    public void For_NoEstimate_AppliesNoFactorAndTheScoreSaysSo()
    {
        // Given: no UNEP rows for graphite
        var global = SupplyConcentration.Compute([Fact.Country("AAA", 100, stage: Stage.Mining)]);
        var wgi = GovernanceIndex.Build([new GovernanceScore("AAA", "CC", 2022, 0, null, Fact.Prov("AAA"))], ["CC"], null);

        // When
        var input = RecyclingFactor.For("graphite", []);
        var without = SupplyRisk.ForStage(global, wgi, [], [], [], "IND", RiskParameters.Default);
        var with = SupplyRisk.ForStage(global, wgi, [], [], [], "IND", RiskParameters.Default, input);
        var recycled = SupplyRisk.ForStage(global, wgi, [], [], [], "IND", RiskParameters.Default,
            RecyclingFactor.For("graphite", [Rate("graphite", "graphite", "RC", "25", 25, 25, "point")]));

        // Then: HHI_WGI,t = 1 × 5 = 5; with 25 % recycling 5 × 0.75 = 3.75
        input.RatePercent.ShouldBeNull();
        with.Score.ShouldBe(without.Score);
        with.NotInData.ShouldContain(n => n.Contains("EoL-RIR", StringComparison.Ordinal));
        recycled.Score.ShouldBe(3.75, 1e-12);
        recycled.Formula.ShouldContain("recycling 25 %");
        recycled.NotInData.ShouldNotContain(n => n.Contains("EoL-RIR", StringComparison.Ordinal));
    }
}
