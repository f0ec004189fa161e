using Khanij.Analytics.Simulation;
using Khanij.Core;
using Khanij.Core.Catalogue;
using Khanij.Testing;

namespace Khanij.Analytics.Tests.Simulation;

public sealed class ScenarioReaderTests
{
    internal static readonly KhanijCatalogue Catalogue =
        CatalogueReader.Read(name => File.ReadAllText(Path.Combine(RepoPaths.Data, name)));

    [Fact]
    public void TryParse_DestinationBanOfACountryOnItself_IsALocatedError()
    {
        // Given: issue 17, finding 8 (a ban from China on China ran as if it meant something)
        const string json = """
            {"name": "self ban",
             "shocks": [{"kind": "destination_ban", "country": "CHN", "target": "China", "minerals": ["gallium"], "stage": "refining",
              "fraction": 1, "duration_months": 12}]}
            """;

        // When
        var errors = ScenarioReader.TryParse(json, "self.json", Catalogue, out var scenario);

        // Then: refused, at the target's line, naming the field
        scenario.ShouldBeNull();
        var error = errors.ShouldHaveSingleItem();
        error.File.ShouldBe("self.json");
        error.Line.ShouldBe(2);
        error.Message.ShouldContain("shocks[0].target");
        error.Message.ShouldContain("banning country");
    }

    [Fact]
    public void TryParse_FullScenario_ReadsEveryField()
    {
        // Given
        const string json = """
            {
              "name": "test",
              "restriction_ids": ["COD-2025-COBALT-SUSPENSION"],
              "perspective": "India",
              "horizon_months": 18,
              "spare_capacity": 0.1,
              "partner_priority": true,
              "stockpile_tonnes": {"cobalt": 250},
              "stockpile_months": 1.5,
              "battery_mix": {"LFP": 0.4, "NMC 811": 0.6},
              "runs": 1000,
              "seed": 7,
              "shocks": [
                {"country": "COD", "minerals": ["cobalt"], "stage": "mining",
                 "fraction": {"dist": "triangular", "min": 0.5, "mode": 0.8, "max": 1},
                 "duration_months": {"dist": "uniform", "min": 4, "max": 12}, "probability": 0.7},
                {"kind": "destination_ban", "country": "CHN", "target": "USA", "minerals": "gallium", "stage": "refining",
                 "fraction": 1, "duration_months": 12}
              ]
            }
            """;

        // When
        var errors = ScenarioReader.TryParse(json, "t.json", Catalogue, out var scenario);

        // Then
        errors.ShouldBeEmpty();
        scenario.ShouldNotBeNull();
        scenario.Perspective.ShouldBe("IND");
        scenario.HorizonMonths.ShouldBe(18);
        scenario.StockpileTonnes["cobalt"].ShouldBe(250);
        scenario.BatteryMix!["NMC 811"].ShouldBe(0.6);
        scenario.Seed.ShouldBe(7UL);
        scenario.Shocks.Count.ShouldBe(2);
        scenario.Shocks[0].Fraction.ShouldBe(Distribution.Triangular(0.5, 0.8, 1));
        scenario.Shocks[0].DurationMonths.ShouldBe(Distribution.Uniform(4, 12));
        scenario.Shocks[0].Probability.ShouldBe(0.7);
        scenario.Shocks[1].Kind.ShouldBe(ShockKind.DestinationBan);
        scenario.Shocks[1].Target.ShouldBe("USA");
        scenario.Shocks[1].Stage.ShouldBe(Stage.Refining);
    }

    [Fact]
    public void TryParse_ShippedScenarios_AreValidAndNameRegisterIds()
    {
        // Given the example scenarios and the restriction register
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Root, "scenarios"), "*.json");
        var register = File.ReadAllLines(Path.Combine(RepoPaths.Data, "export_restrictions_curated.csv")).Skip(1)
            .Select(l => l.Split(',')[0]).ToHashSet(StringComparer.Ordinal);
        files.Length.ShouldBeGreaterThanOrEqualTo(3);

        foreach (var file in files)
        {
            // When
            var errors = ScenarioReader.TryParse(File.ReadAllText(file), Path.GetFileName(file), Catalogue, out var scenario);

            // Then
            errors.ShouldBeEmpty(string.Join("\n", errors));
            scenario.ShouldNotBeNull().Shocks.ShouldNotBeEmpty();
            scenario.RestrictionIds.ShouldNotBeEmpty(file);
            scenario.RestrictionIds.ShouldAllBe(id => register.Contains(id));
        }
    }

    [Fact]
    public void TryParse_BadFraction_PointsAtItsLineAndColumn()
    {
        // Given a fraction of 1.5 on line 4, column 71
        const string json = "{\n  \"name\": \"x\",\n  \"shocks\": [\n"
            + "    {\"country\": \"COD\", \"minerals\": [\"cobalt\"], \"stage\": \"mining\", \"fraction\": 1.5, \"duration_months\": 3}\n  ]\n}";

        // When
        var errors = ScenarioReader.TryParse(json, "bad.json", Catalogue, out var scenario);

        // Then
        scenario.ShouldBeNull();
        errors.Count.ShouldBe(1);
        errors[0].Line.ShouldBe(4);
        errors[0].Column.ShouldBe(json.Split('\n')[3].IndexOf("1.5", StringComparison.Ordinal) + 1);
        errors[0].ToString().ShouldContain("bad.json:4:");
        errors[0].Message.ShouldContain("expected a number from 0 to 1");
    }

    [Fact]
    public void TryParse_SyntaxError_ReportsLineAndColumnFromTheJsonReader()
    {
        // Given a missing comma on line 3
        const string json = "{\n  \"name\": \"x\"\n  \"shocks\": []\n}";

        // When
        var errors = ScenarioReader.TryParse(json, "s.json", Catalogue, out _);

        // Then
        errors.Single().Line.ShouldBe(3);
        errors.Single().Column.ShouldBe(3);
        errors.Single().Message.ShouldContain("not valid JSON");
    }

    [Fact]
    public void TryParse_SeveralProblems_ReportsThemAllWithWhatWasExpected()
    {
        // Given an unknown property, an unknown mineral, a bad stage and a ban without target
        const string json = """
            {"name": "x", "colour": "red", "shocks": [
              {"country": "CHN", "minerals": ["unobtainium"], "stage": "smelting", "fraction": 0.5, "duration_months": 1},
              {"kind": "destination_ban", "country": "CHN", "minerals": ["gallium"], "stage": "refining", "fraction": 1, "duration_months": 1}
            ]}
            """;

        // When
        var errors = ScenarioReader.TryParse(json, "m.json", Catalogue, out _);

        // Then
        errors.Count.ShouldBe(4);
        errors.ShouldContain(e => e.Message.Contains("unknown property 'colour'", StringComparison.Ordinal) && e.Line == 1);
        errors.ShouldContain(e => e.Message.Contains("'unobtainium' is not a known mineral", StringComparison.Ordinal) && e.Line == 2);
        errors.ShouldContain(e => e.Message.Contains("'smelting' is not a stage; expected one of mining, refining", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Message.Contains("missing \"target\"", StringComparison.Ordinal) && e.Line == 3);
    }

    [Theory]
    [InlineData("CHN:rare_earths:mining:0.5:12", "CHN", "rare_earths", Stage.Mining, 0.5, 12)]
    [InlineData("China:Cobalt:refining:1:6", "CHN", "cobalt", Stage.Refining, 1, 6)]
    public void ParseShort_ValidText_GivesTheEvent(string text, string country, string mineral, Stage stage, double fraction, double months)
    {
        // Given / When
        var shock = ShortShock.Parse(text, Catalogue, out var error);

        // Then
        error.ShouldBeNull();
        shock.ShouldNotBeNull();
        (shock.Country, shock.MineralIds.Single(), shock.Stage).ShouldBe((country, mineral, stage));
        shock.Fraction.Central.ShouldBe(fraction);
        shock.DurationMonths.Central.ShouldBe(months);
    }

    [Theory]
    [InlineData("CHN:rare_earths:mining:0.5", "expected ISO3:mineral:stage:fraction:months")]
    [InlineData("XXX:rare_earths:mining:0.5:12", "'XXX'")]
    [InlineData("CHN:rare_earths:mining:1.5:12", "expected a number from 0 to 1")]
    [InlineData("CHN:rare_earths:mine_site:0.5:12", "expected one of mining")]
    public void ParseShort_BadText_SaysWhatWasExpected(string text, string expected)
    {
        // Given / When
        var shock = ShortShock.Parse(text, Catalogue, out var error);

        // Then
        shock.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain(expected);
    }

    [Theory]
    [InlineData("CHN:rare_earths:refining:0.3..0.7:6..18", DistributionKind.Uniform, 0.3, 0.5, 0.7, DistributionKind.Uniform, 6, 12, 18)]
    [InlineData("CHN:rare_earths:refining:0.2..0.4..0.9:12", DistributionKind.Triangular, 0.2, 0.4, 0.9, DistributionKind.Fixed, 12, 12, 12)]
    public void ParseShort_Ranges_GiveUniformOrTriangularDraws(string text, DistributionKind fractionKind, double fMin, double fMode, double fMax,
        DistributionKind monthsKind, double mMin, double mMode, double mMax)
    {
        // Given / When
        var shock = ShortShock.Parse(text, Catalogue, out var error);

        // Then: the uniform's central value is the midpoint, the triangular's the mode written in the middle
        error.ShouldBeNull();
        shock.ShouldNotBeNull();
        (shock.Fraction.Kind, shock.Fraction.Min, shock.Fraction.Mode, shock.Fraction.Max).ShouldBe((fractionKind, fMin, fMode, fMax));
        (shock.DurationMonths.Kind, shock.DurationMonths.Min, shock.DurationMonths.Mode, shock.DurationMonths.Max).ShouldBe((monthsKind, mMin, mMode, mMax));
        shock.Kind.ShouldBe(ShockKind.Cut);
    }

    [Theory]
    [InlineData("CHN:rare_earths:refining:0.5:0", "0 months")]
    [InlineData("CHN:rare_earths:refining:0..0:12", "a fraction of 0")]
    [InlineData("CHN:rare_earths:refining:0.1..0.2..0.3..0.4:12", "not a fraction")]
    [InlineData("CHN:rare_earths:refining:0.5:18..6", "increasing order")]
    public void ParseShort_NothingWithheldOrBadRange_IsRefused(string text, string expected)
    {
        // Given / When
        var shock = ShortShock.Parse(text, Catalogue, out var error);

        // Then
        shock.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain(expected);
    }
}
