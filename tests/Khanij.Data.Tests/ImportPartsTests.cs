using System.Globalization;
using CsCheck;
using Khanij.Data.Import;

namespace Khanij.Data.Tests;

/// <summary>The small parts of the importer: units, number cells, place resolution.</summary>
public sealed class ImportPartsTests
{
    [Theory]
    [InlineData("thousand metric tons, copper content", 1000, "copper content")]
    [InlineData("metric tons (natural graphite)", 1, "natural graphite")]
    [InlineData("kilograms, gallium content", 0.001, "gallium content")]
    [InlineData("kt", 1000, "gross weight")]
    [InlineData("t", 1, "gross weight")]
    public void TryParse_KnownUnits_GiveFactorAndBasis(string unit, double factor, string basis)
    {
        // When
        var ok = Units.TryParse(unit, out var f, out var b);

        // Then
        ok.ShouldBeTrue();
        f.ShouldBe(factor);
        b.ShouldBe(basis);
    }

    [Fact]
    public void TryParse_UnknownUnit_IsRejected()
    {
        // When
        var ok = Units.TryParse("pounds, lithium content", out _, out _);

        // Then
        ok.ShouldBeFalse();
    }

    [Fact]
    public void Scale_ByThousand_StaysWithinOneUlpOfTheExactProduct() =>
        Gen.Double[0, 1e9].Sample(v =>
        {
            var scaled = Units.Scale(v, 1000);
            return Math.Abs(scaled - v * 1000) <= Math.Max(1e-9, Math.Abs(v * 1000) * 1e-14);
        });

    [Fact]
    public void Scale_KilogramsToTonnes_DropsBinaryNoise()
    {
        // When
        var scaled = Units.Scale(9, 0.001);

        // Then
        scaled.ShouldBe(0.009);
        (9 * 0.001).ShouldNotBe(0.009); // the noise the rounding removes
    }

    private static SourceTable Table(string text, ImportErrors errors) =>
        SourceTable.FromText("t.csv", text, new string('0', 64), errors, ["name", "value"]).ShouldNotBeNull();

    [Fact]
    public void Number_AnyFiniteNonNegativeDouble_RoundTrips() =>
        Gen.Double[0, 1e12].Sample(v =>
        {
            var errors = new ImportErrors();
            var t = Table($"name,value\nx,{v.ToString("R", CultureInfo.InvariantCulture)}\n", errors);
            return t.Number(t.Rows[0], "value") == v && errors.Count == 0;
        });

    [Theory]
    [InlineData("1,234", "'1,234'")]
    [InlineData("12 t", "'12 t'")]
    [InlineData("NaN", "'NaN'")]
    public void Number_NotANumber_ErrorPointsAtTheCell(string cell, string shown)
    {
        // Given
        var errors = new ImportErrors();
        var t = Table($"name,value\nabc,\"{cell}\"\n", errors);

        // When
        var value = t.Number(t.Rows[0], "value");

        // Then
        value.ShouldBeNull();
        var error = errors.All.ShouldHaveSingleItem();
        (error.Line, error.Column).ShouldBe((2, 5));
        error.Message.ShouldContain(shown);
    }

    [Fact]
    public void FromText_ShortRow_IsAnErrorWithItsLine()
    {
        // Given
        var errors = new ImportErrors();

        // When
        var t = SourceTable.FromText("t.csv", "name,value\na,1\nb\n", new string('0', 64), errors, ["name", "value"]);

        // Then
        t.ShouldBeNull();
        var error = errors.All.ShouldHaveSingleItem();
        error.Line.ShouldBe(3);
        error.Message.ShouldContain("has 1 fields; expected 2");
    }

    [Fact]
    public void Resolve_SpellingsDifferingInCaseAndPunctuation_FindTheSameCountry()
    {
        // Given
        var places = new PlaceResolver();
        places.AddCountry("Korea, Republic of", "KOR").ShouldBeNull();
        places.AddAggregate("World total (rounded)", "world_total").ShouldBeNull();

        // When / Then
        places.Resolve("KOREA, REPUBLIC OF ").ShouldBe(Place.Country("KOR"));
        places.Resolve("World total (rounded)").ShouldBe(Place.Aggregate("world_total"));
        places.Resolve("Korea").ShouldBeNull();
    }

    [Fact]
    public void AddCountry_SpellingAlreadyTakenByAnotherCountry_ReportsTheClash()
    {
        // Given
        var places = new PlaceResolver();
        places.AddCountry("Congo", "COG");

        // When
        var clash = places.AddCountry("congo", "COD");
        var aggregateClash = places.AddAggregate("Congo", "region");

        // Then
        clash.ShouldBe("COG");
        aggregateClash.ShouldBe("country COG");
    }
}
