using System.Text.Json;
using Khanij.Core.Text;
using Khanij.Testing;

namespace Khanij.Cli.Tests;

/// <summary>Issue 11 as a user meets it: the brief covers India's list, the mineral and country sheets, and <c>data add</c> with a corrupt
/// cell. Expected sets are computed from the pack's CSV files in the test.</summary>
public sealed class CoverageCommandTests(SimulateStoreFixture store) : IClassFixture<SimulateStoreFixture>
{
    private static CsvTable Read(string file) => Csv.Parse(File.ReadAllText(Path.Combine(RepoPaths.Data, file)), file);

    /// <summary>USGS commodity label → catalogue id, written out here (independent of the importer's mapping).</summary>
    private static string Id(string commodity) => commodity switch
    {
        "Rare earths" => "rare_earths",
        "Phosphate rock" => "phosphorus_phosphate",
        "Platinum-group metals" => "platinum_group_metals",
        "Titanium mineral concentrates" => "titanium",
        _ => commodity.Split(" (")[0].ToLowerInvariant(),
    };

    /// <summary>India-list minerals with at least one USGS production figure by country in the pack.</summary>
    private static HashSet<string> IndiaListWithUsgsData()
    {
        var lists = Read("criticality_lists.csv");
        var india = lists.Rows.Where(r => r[lists.IndexOf("india_2023")] == "1").Select(r => r[lists.IndexOf("mineral")]).ToHashSet();
        var with = new HashSet<string>();
        foreach (var file in new[] { "usgs_mcs2026_world_production_reserves.csv", "usgs_mcs_more_commodities.csv" })
        {
            var t = Read(file);
            foreach (var r in t.Rows.Where(r => !r[t.IndexOf("measure")].StartsWith("reserves", StringComparison.Ordinal)
                && r[t.IndexOf("row_type")] == "country" && r[t.IndexOf("value")].Length > 0 && double.Parse(r[t.IndexOf("value")], System.Globalization.CultureInfo.InvariantCulture) > 0))
            {
                with.Add(Id(r[t.IndexOf("commodity")]));
            }
        }
        with.IntersectWith(india);
        return with;
    }

    [Fact]
    public async Task Brief_India_RanksEveryListMineralWithUsgsData()
    {
        // Given
        var expected = IndiaListWithUsgsData();

        // When
        var run = await SimulateCommandTests.RunAsync("brief", "--json", "--db", store.Db, "--out", Directory.CreateTempSubdirectory("khanij-brief-").FullName);

        // Then
        run.Exit.ShouldBe(0, run.Err);
        var ranked = JsonDocument.Parse(run.Out).RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("mineral").GetString()!).ToHashSet();
        expected.Count.ShouldBeGreaterThanOrEqualTo(27, "the pack has USGS data for at least 27 of India's 30");
        expected.ShouldBeSubsetOf(ranked);
    }

    [Fact]
    public async Task Mineral_GermaniumAndNiobium_PrintASheetOrWhatIsMissing()
    {
        // When
        var germanium = await SimulateCommandTests.RunAsync("mineral", "germanium", "--db", store.Db);
        var niobium = await SimulateCommandTests.RunAsync("mineral", "niobium", "--json", "--db", store.Db);

        // Then
        germanium.Exit.ShouldBe(0, germanium.Err);
        germanium.Out.ShouldContain("Not in the pack");
        germanium.Out.ShouldContain("production");
        niobium.Exit.ShouldBe(0, niobium.Err);
        var sheet = JsonDocument.Parse(niobium.Out).RootElement;
        var sources = sheet.GetProperty("production").EnumerateArray().Select(s => s.GetProperty("source").GetString()).ToList();
        sources.ShouldContain("usgs");
        sources.ShouldContain("usgs_mcs2024", "both editions side by side");
    }

    [Fact]
    public async Task Country_Japan_PrintsAProfile()
    {
        // When
        var run = await SimulateCommandTests.RunAsync("country", "JPN", "--json", "--db", store.Db);

        // Then
        run.Exit.ShouldBe(0, run.Err);
        var profile = JsonDocument.Parse(run.Out).RootElement;
        profile.GetProperty("iso3").GetString().ShouldBe("JPN");
        profile.GetProperty("production").GetArrayLength().ShouldBeGreaterThan(0);
        profile.GetProperty("imports").GetArrayLength().ShouldBeGreaterThan(0);
        profile.GetProperty("import_gaps").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task DataAdd_UsgsFileWithOneCorruptCell_Exits1NamingFileLineColumn_AndStatusIsUnchanged()
    {
        // Given
        var fixture = Path.Combine(RepoPaths.Root, "tests", "Khanij.Data.Tests", "Fixtures", "publisher-formats", "mcs2025-lithi_world.csv");
        var path = Path.Combine(Directory.CreateTempSubdirectory("khanij-add-").FullName, "mcs2025-lithi_world.csv");
        var lines = File.ReadAllLines(fixture);
        var line = Array.FindIndex(lines, l => l.Contains("Argentina", StringComparison.Ordinal));
        lines[line] = lines[line].Replace("17000", "17O00", StringComparison.Ordinal);
        File.WriteAllLines(path, lines);
        var column = lines[line].IndexOf("17O00", StringComparison.Ordinal) + 1;
        var before = await SimulateCommandTests.RunAsync("data", "status", "--json", "--db", store.Db);

        // When
        var run = await SimulateCommandTests.RunAsync("data", "add", path, "--db", store.Db);

        // Then
        run.Exit.ShouldBe(1, run.Err);
        run.Err.ShouldContain($"mcs2025-lithi_world.csv:{line + 1}:{column}:");
        run.Err.ShouldContain("'17O00'");
        (await SimulateCommandTests.RunAsync("data", "status", "--json", "--db", store.Db)).Out.ShouldBe(before.Out);
    }
}
