using Khanij.Analytics.Demand;
using Khanij.Analytics.Tests.Simulation;
using Khanij.Testing;

namespace Khanij.Analytics.Tests.Demand;

public sealed class DemandScenarioReaderTests
{
    [Theory]
    [InlineData("india-published-targets.json", "IND")]
    [InlineData("japan-published-targets.json", "JPN")]
    public void TryParse_ShippedScenarios_AreValidAndEveryRowCitesASource(string name, string iso3)
    {
        // Given
        var path = Path.Combine(RepoPaths.Root, "scenarios", "demand", name);

        // When
        var errors = DemandScenarioReader.TryParse(File.ReadAllText(path), name, ScenarioReaderTests.Catalogue, ["LFP", "NMC 811"], out var scenario,
            requireHindi: true);

        // Then: valid with the curated Hindi texts, which are there and in Devanagari
        errors.ShouldBeEmpty();
        scenario!.NameHi.ShouldNotBeNull().ShouldContain("—");
        scenario.OmittedHi!.Count.ShouldBe(scenario.Omitted.Count);
        scenario!.Country.ShouldBe(iso3);
        scenario.Deployments.ShouldNotBeEmpty();
        foreach (var d in scenario.Deployments)
        {
            scenario.Sources.ShouldContainKey(d.SourceId);
            scenario.Sources[d.SourceId].IsAssumption.ShouldBeFalse($"{d.Technology} {d.Year} must cite a publication");
        }
    }

    [Fact]
    public void TryParse_BadRows_ReportsEachWithLineAndColumn()
    {
        // Given: an unknown technology (line 5), a wrong unit (line 6), a mix that sums to 0.9 (line 7), an unknown source (line 8).
        const string json = """
            {
              "name": "bad", "country": "IND",
              "sources": { "a": { "publisher": "P", "document": "D", "year": 2020 } },
              "deployment": [
                { "technology": "fusion", "year": 2030, "value": 1, "unit": "GW", "source": "a" },
                { "technology": "solar_pv", "year": 2030, "value": 1, "unit": "GWh", "source": "a" },
                { "technology": "battery_cells", "year": 2030, "value": 1, "unit": "GWh", "source": "a", "chemistry_mix": { "LFP": 0.9 }, "mix_source": "a" },
                { "technology": "stationary_storage", "year": 2030, "value": 1, "unit": "GWh", "source": "nope", "chemistry_mix": { "LFP": 1 }, "mix_source": "a" }
              ]
            }
            """;

        // When
        var errors = DemandScenarioReader.TryParse(json, "bad.json", ScenarioReaderTests.Catalogue, null, out var scenario);

        // Then
        scenario.ShouldBeNull();
        errors.Select(e => e.Line).ShouldBe([5, 6, 7, 8]);
        errors[0].Message.ShouldContain("'fusion' is not a technology");
        errors[0].Column.ShouldBe(21); // 4 spaces, "{ ", "\"technology\": " → the value starts at column 21
        errors[1].Message.ShouldContain("solar_pv is measured in GW");
        errors[2].Message.ShouldContain("sum to 0.9");
        errors[3].Message.ShouldContain("'nope' is not in \"sources\"");
        errors[3].ToString().ShouldStartWith("bad.json:8:");
    }

    [Fact]
    public void TryParse_UnknownChemistry_NamesTheKnownOnes()
    {
        // Given
        const string json = """
            { "name": "x", "country": "Japan", "sources": { "a": { "publisher": "P", "document": "D", "year": 2020 } },
              "deployment": [ { "technology": "ev_battery", "year": 2030, "value": 1, "unit": "GWh", "source": "a",
                                "chemistry_mix": { "LFX": 1 }, "mix_source": "a" } ] }
            """;

        // When
        var errors = DemandScenarioReader.TryParse(json, "x.json", ScenarioReaderTests.Catalogue, ["LFP", "NMC 811"], out _);

        // Then
        var e = errors.ShouldHaveSingleItem();
        e.Line.ShouldBe(3);
        e.Message.ShouldContain("'LFX' has no BatPaC intensities");
        e.Message.ShouldContain("LFP, NMC 811");
    }

    [Fact]
    public void TryParse_CuratedWithoutHindi_NamesEachMissingOrNonHindiTextWithLineAndColumn()
    {
        // Given: no name_hi (the object starts on line 1), an omitted list without its Hindi twin (line 5), and an assumption whose note_hi is
        // Latin (line 3, column 128: the value after "note_hi": ).
        const string json = """
            { "name": "x", "country": "IND",
              "sources": { "a": { "publisher": "P", "document": "D", "year": 2020 },
                           "m": { "publisher": "P", "document": "D", "year": 2020, "assumption": true, "note": "half and half", "note_hi": "half" } },
              "deployment": [ { "technology": "solar_pv", "year": 2030, "value": 1, "unit": "GW", "source": "a" } ],
              "omitted": [ "EV GWh: none published." ] }
            """;

        // When
        var curated = DemandScenarioReader.TryParse(json, "c.json", ScenarioReaderTests.Catalogue, null, out var scenario, requireHindi: true);
        var users = DemandScenarioReader.TryParse(json.Replace("\"note_hi\": \"half\"", "\"note_hi\": \"आधा\"", StringComparison.Ordinal), "u.json",
            ScenarioReaderTests.Catalogue, null, out var own);

        // Then
        scenario.ShouldBeNull();
        curated.Select(e => (e.Line, e.Column)).ShouldBe([(1, 1), (3, 128), (5, 14)], ignoreOrder: true);
        curated.ShouldContain(e => e.Message.Contains("missing \"name_hi\"", StringComparison.Ordinal));
        curated.ShouldContain(e => e.Message.Contains("expected Hindi text in Devanagari", StringComparison.Ordinal));
        curated.ShouldContain(e => e.Message.Contains("\"omitted_hi\"", StringComparison.Ordinal));
        users.ShouldBeEmpty();
        own!.NameHi.ShouldBeNull();
        own.Sources["m"].NoteHi.ShouldBe("आधा");
    }

    [Fact]
    public void TryParse_BrokenJson_GivesLineAndColumn()
    {
        var errors = DemandScenarioReader.TryParse("{\n  \"name\": ,\n}", "b.json", ScenarioReaderTests.Catalogue, null, out _);
        var e = errors.ShouldHaveSingleItem();
        e.Line.ShouldBe(2);
        e.Message.ShouldContain("not valid JSON");
    }
}
