using System.Globalization;
using Khanij.Analytics.Risk;
using Khanij.Core;
using Khanij.Testing;

namespace Khanij.Analytics.Tests.Risk;

public sealed class SupplyConcentrationTests
{
    [Fact]
    public void Compute_UsgsRareEarthMining2024_MatchesHandComputationFromTheCsv()
    {
        // Given: the raw CSV rows, summed by hand: denominator = every country value + the "Other" row (the rounded world total is not used)
        var raw = UsgsTable.Raw("Rare earths", "2024");
        double Num(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        var countries = raw.Where(r => r.RowType == "country" && r.Value.Length > 0).ToList();
        var other = raw.Where(r => r.RowType == "other").Sum(r => Num(r.Value));
        var denominator = countries.Sum(r => Num(r.Value)) + other;
        var chinaByHand = Num(countries.Single(r => r.Iso3 == "CHN").Value) / denominator;
        var hhiByHand = 0.0;
        foreach (var r in countries)
        {
            var pct = 100 * Num(r.Value) / denominator;
            hhiByHand += pct * pct;
        }

        // When
        var result = SupplyConcentration.Compute(UsgsTable.Facts("Rare earths", "rare_earths", Stage.Mining, 2024));

        // Then
        result.Top1Iso3.ShouldBe("CHN");
        result.Top1Share!.Value.ShouldBe(chinaByHand, 1e-12);
        result.Hhi!.Value.ShouldBe(hhiByHand, 1e-9);
        result.Denominator.ShouldBe(denominator);
        result.Residual.ShouldBe(other);
        result.ResidualBasis.ShouldBe("aggregate rows");
        result.CoverageWithoutTop1!.Value.ShouldBe(1 - chinaByHand, 1e-12);
        result.Producers.ShouldBe(countries.Count(r => Num(r.Value) > 0));
        result.PublishedTotal.ShouldNotBeNull();
    }

    [Fact]
    public void Compute_UsgsLithium2024_ReportsWithheldUnitedStatesWithoutFillingIt()
    {
        // Given
        var facts = UsgsTable.Facts("Lithium", "lithium", Stage.Mining, 2024);
        facts.ShouldContain(f => f.Iso3 == "USA" && f.Value == null);

        // When
        var result = SupplyConcentration.Compute(facts, ResxPhrasebook.English);

        // Then
        result.Withheld.ShouldBe(["USA"]);
        result.Shares.ShouldNotContain(s => s.Iso3 == "USA");
        result.Notes.ShouldContain(n => n.Contains("withholds", StringComparison.Ordinal));
        (result.Shares.Sum(s => s.Share) + result.ResidualShare).ShouldBe(1, 1e-12);
    }

    [Fact]
    public void Compute_UsgsCopper_CarriesTheRefineryCaveat()
    {
        // Given
        var facts = UsgsTable.Facts("Copper", "copper", Stage.Refining, 2024);

        // When
        var result = SupplyConcentration.Compute(facts, ResxPhrasebook.English);

        // Then
        result.Notes.ShouldContain(n => n.Contains("refinery output", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_NoOtherRowButLargerExactTotal_TakesTheDifferenceAsNotAllocated()
    {
        // Given: two countries (60 + 20) and an exact published total of 100, no "Other" row
        var facts = new[] { Fact.Country("AAA", 60), Fact.Country("BBB", 20), Fact.Aggregate("total", 100) };

        // When
        var result = SupplyConcentration.Compute(facts, ResxPhrasebook.English);

        // Then
        result.Residual.ShouldBe(20);
        result.ResidualBasis.ShouldStartWith("not allocated");
        result.PublishedTotalIsExact.ShouldBeTrue();
        result.Top1Share!.Value.ShouldBe(0.6, 1e-12);
        result.Hhi!.Value.ShouldBe(3600 + 400, 1e-9);
        result.HhiAmongNamed!.Value.ShouldBe(5625 + 625, 1e-9);
    }

    [Fact]
    public void Compute_NoOtherRowButLargerRoundedTotal_KeepsTheSumOfRows()
    {
        // Given: two countries (60 + 20) and a rounded world total of 100 (USGS "World total (rounded)"), no "Other" row
        var facts = new[] { Fact.Country("AAA", 60), Fact.Country("BBB", 20), Fact.Aggregate("world_total", 100) };

        // When
        var result = SupplyConcentration.Compute(facts, ResxPhrasebook.English);

        // Then: 60 / (60 + 20); the rounded total is shown beside, not used
        result.Residual.ShouldBe(0);
        result.Denominator.ShouldBe(80);
        result.PublishedTotal.ShouldBe(100);
        result.PublishedTotalIsExact.ShouldBeFalse();
        result.Top1Share!.Value.ShouldBe(0.75, 1e-12);
        result.Notes.ShouldContain(n => n.Contains("rounded", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_AggregateRowsOnly_NeverEnterCountryShares()
    {
        // Given
        var facts = new[] { Fact.Country("AAA", 10), Fact.Aggregate("rest_of_world", 30), Fact.Aggregate("region", 60), Fact.Aggregate("total", 100) };

        // When
        var result = SupplyConcentration.Compute(facts, ResxPhrasebook.English);

        // Then
        result.Shares.Select(s => s.Iso3).ShouldBe(["AAA"]);
        result.Denominator.ShouldBe(100);
        result.Top1Share!.Value.ShouldBe(0.1, 1e-12);
    }

    [Fact]
    public void Compute_MixedTables_Throws()
    {
        // Given
        var facts = new[] { Fact.Country("AAA", 10), Fact.Country("BBB", 10) with { Year = 2030 } };

        // When / Then
        Should.Throw<ArgumentException>(() => SupplyConcentration.Compute(facts, ResxPhrasebook.English)).Message.ShouldContain("different tables");
    }

    [Fact]
    public void Compute_AllZero_GivesNoMetricsAndSaysSo()
    {
        // Given
        var facts = new[] { Fact.Country("AAA", 0) };

        // When
        var result = SupplyConcentration.Compute(facts, ResxPhrasebook.English);

        // Then
        result.Hhi.ShouldBeNull();
        result.Notes.ShouldContain(n => n.Contains("No positive supply", StringComparison.Ordinal));
    }
}
