using Khanij.Analytics.Risk;
using Khanij.Application.Services;
using Khanij.Core;
using Khanij.Core.Facts;

namespace Khanij.Cli.Tests.Risk;

/// <summary>The perspective rule on small tables checked by hand.</summary>
public sealed class PerspectiveRuleTests
{
    private static SupplyFact Row(string? iso3, double value, string? aggregate = null) =>
        new("test", "cobalt", Stage.Mining, iso3, aggregate, 2024, null, "production", value, "t", "content", false,
            new Provenance("synthetic.csv", 1, "synthetic", "t", "", iso3 ?? aggregate!));

    [Fact]
    public void WithoutOwnOutput_TableWithOnlyAPublishedTotal_ReducesTheTotalSoOwnOutputIsNotHiddenInTheResidual()
    {
        // Given: CHN 70 t, USA 20 t and the publisher's exact world total of 100 t (so 10 t unattributed)
        IReadOnlyList<SupplyFact> facts = [Row("CHN", 70), Row("USA", 20), Row(null, 100, "total")];

        // When
        var rest = SupplyConcentration.Compute(PerspectiveRule.WithoutOwnOutput(facts, "CHN"));

        // Then: the rest of the world is 30 t, of which the USA has 20 t and 10 t is unattributed (not 20/100 with China in the residual)
        rest.Denominator.ShouldBe(30, 1e-12);
        rest.Shares.ShouldHaveSingleItem().Iso3.ShouldBe("USA");
        rest.Top1Share!.Value.ShouldBe(20.0 / 30, 1e-12);
        rest.Residual.ShouldBe(10, 1e-12);
    }

    [Fact]
    public void WithoutOwnOutput_CountryNotListed_LeavesTheTableAsItIs()
    {
        // Given
        IReadOnlyList<SupplyFact> facts = [Row("COD", 70), Row("IDN", 20), Row(null, 10, "other")];

        // When
        var rest = PerspectiveRule.WithoutOwnOutput(facts, "IND");

        // Then
        rest.ShouldBe(facts, ignoreOrder: true);
    }

    [Fact]
    public void WithoutOwnOutput_OnlyTheCountryListed_KeepsTheTableWithNoSupplyToBeExposedTo()
    {
        // Given
        IReadOnlyList<SupplyFact> facts = [Row("CHN", 70)];

        // When
        var rest = SupplyConcentration.Compute(PerspectiveRule.WithoutOwnOutput(facts, "CHN"));

        // Then
        rest.Denominator.ShouldBe(0);
        rest.Hhi.ShouldBeNull();
    }
}
