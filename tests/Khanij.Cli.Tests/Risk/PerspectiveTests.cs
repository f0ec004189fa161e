using System.Globalization;
using System.Text.Json;
using Khanij.Core.Text;
using Khanij.Testing;

namespace Khanij.Cli.Tests.Risk;

/// <summary>Issue 10, defects 9 and 10: a country's own output is never its exposure, each country's brief uses its own critical list, and every
/// row names its vintages; a year beyond the observed data uses a labelled projection or is refused. Expected values come from the CSVs.</summary>
public sealed class PerspectiveTests(StoreFixture store) : IClassFixture<StoreFixture>
{
    private static async Task<CsvTable> ReadAsync(string file) =>
        Csv.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Data, file), TestContext.Current.CancellationToken), file);

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Brief_China_NamesNoChineseSupplyAsExposureAndShowsItsOwnShareAsDomestic()
    {
        // Given: USGS rare-earth mine production 2024 read from the CSV: China's share of the world, and the largest producer without China
        var usgs = await ReadAsync("usgs_mcs2026_world_production_reserves.csv");
        int c = usgs.IndexOf("commodity"), m = usgs.IndexOf("measure"), y = usgs.IndexOf("year"), rt = usgs.IndexOf("row_type"),
            iso = usgs.IndexOf("iso3"), v = usgs.IndexOf("value");
        var rows = usgs.Rows.Where(r => r[c] == "Rare earths" && r[m] == "mine production" && r[y] == "2024").ToList();
        var countries = rows.Where(r => r[rt] == "country" && r[v].Length > 0).ToDictionary(r => r[iso], r => D(r[v]));
        var world = countries.Values.Sum() + rows.Where(r => r[rt] == "other").Sum(r => D(r[v]));
        var china = countries["CHN"];
        var (topIso3, topValue) = countries.Where(kv => kv.Key != "CHN").OrderByDescending(kv => kv.Value).Select(kv => (kv.Key, kv.Value)).First();
        var outDir = Path.Combine(store.Directory, "brief-chn");

        // When
        var (exit, json, _, error) = await store.RunAsync("brief", "--country", "CHN", "--json", "--out", outDir);
        var (screenExit, _, screen, _) = await store.RunAsync("brief", "--country", "CHN", "--out", outDir);

        // Then: China is nowhere in what China is exposed to
        exit.ShouldBe(0, error);
        screenExit.ShouldBe(0);
        using var doc = JsonDocument.Parse(json);
        var brief = doc.RootElement;
        brief.GetProperty("rows").GetArrayLength().ShouldBeGreaterThan(5);
        foreach (var row in brief.GetProperty("rows").EnumerateArray())
        {
            var where = $"{row.GetProperty("mineral").GetString()}/{row.GetProperty("stage").GetString()}";
            row.GetProperty("exposure").GetProperty("top1_country").GetString().ShouldNotBe("CHN", where);
            row.GetProperty("restrictions").TryGetProperty("CHN", out _).ShouldBeFalse(where);
            if (row.GetProperty("imports") is { ValueKind: JsonValueKind.Object } imports)
            {
                imports.GetProperty("shares").TryGetProperty("CHN", out _).ShouldBeFalse(where);
            }
        }
        var ree = brief.GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("mineral").GetString() == "rare_earths" && r.GetProperty("stage").GetString() == "mining");
        ree.GetProperty("source").GetString().ShouldBe("usgs");
        ree.GetProperty("domestic_share").GetDouble().ShouldBe(china / world, 1e-12);
        ree.GetProperty("shares").GetProperty("CHN").GetDouble().ShouldBe(china / world, 1e-12);
        ree.GetProperty("exposure").GetProperty("top1_country").GetString().ShouldBe(topIso3);
        ree.GetProperty("exposure").GetProperty("top1_share").GetDouble().ShouldBe(topValue / (world - china), 1e-12);
        ree.GetProperty("exposure").GetProperty("denominator").GetDouble().ShouldBe(world - china, 1e-6);
        screen.ShouldNotContain("China supplies");
        screen.ShouldNotContain("from China");
        screen.ShouldContain("China itself produces");
    }

    [Theory]
    [InlineData("JPN", null)]
    [InlineData("DEU", "eu_2023")]
    [InlineData("IND", "india_2023")]
    [InlineData("USA", "us_2022")]
    public async Task Brief_EachCountry_UsesItsOwnCriticalListOrEveryMineralWithData(string country, string? column)
    {
        // Given: the criticality lists as published in the data pack
        var lists = await ReadAsync("criticality_lists.csv");
        var onList = column is null ? null : lists.Rows.Where(r => r[lists.IndexOf(column)] == "1").Select(r => r[lists.IndexOf("mineral")]).ToHashSet();
        var outDir = Path.Combine(store.Directory, "brief-" + country);

        // When
        var (exit, json, _, error) = await store.RunAsync("brief", "--country", country, "--json", "--out", outDir);

        // Then
        exit.ShouldBe(0, error);
        using var doc = JsonDocument.Parse(json);
        var brief = doc.RootElement;
        var minerals = brief.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("mineral").GetString()!).ToHashSet();
        var without = brief.GetProperty("minerals_without_data").EnumerateArray().Select(e => e.GetString()!).ToHashSet();
        var markdown = await File.ReadAllTextAsync(Path.Combine(outDir, "report.md"), TestContext.Current.CancellationToken);
        if (onList is null)
        {
            brief.GetProperty("critical_list").ValueKind.ShouldBe(JsonValueKind.Null);
            without.ShouldBeEmpty();
            brief.GetProperty("minerals_off_list").GetArrayLength().ShouldBe(0);
            var india = lists.Rows.Where(r => r[lists.IndexOf("india_2023")] == "1").Select(r => r[lists.IndexOf("mineral")]).ToHashSet();
            minerals.Except(india).ShouldNotBeEmpty("a country without a list gets every mineral with data, not India's list");
            minerals.Count.ShouldBeGreaterThan(10);
        }
        else
        {
            minerals.ShouldBeSubsetOf(onList);
            without.ShouldBe(onList.Except(minerals).ToHashSet(), ignoreOrder: true);
            brief.GetProperty("minerals_off_list").EnumerateArray().Select(e => e.GetString()!).ShouldAllBe(id => !onList.Contains(id));
        }
        if (country != "IND")
        {
            markdown.ShouldNotContain("India's 2023");
            json.ShouldNotContain("India 2023\"");
        }
    }

    [Fact]
    public async Task Risk_RowCombiningVintages_NamesSupplyAndTradeYears()
    {
        // When: IEA lithium refining 2024 for India, whose import figures come from the trade file's latest year
        var (exit, output, _, error) = await store.RunAsync("risk", "--mineral", "lithium", "--stage", "refining", "--year", "2024", "--source", "iea", "--json");

        // Then: the trade year is in the data; the label names both
        exit.ShouldBe(0, error);
        using var doc = JsonDocument.Parse(output);
        var row = doc.RootElement.EnumerateArray().ShouldHaveSingleItem();
        var vintage = row.GetProperty("vintage");
        var tradeYear = row.GetProperty("imports").GetProperty("year").GetInt32();
        var trade = await ReadAsync("cheng2024_trademap_bilateral_quantities.csv");
        trade.Rows.Select(r => int.Parse(r[trade.IndexOf("year")], CultureInfo.InvariantCulture)).ShouldContain(tradeYear);
        tradeYear.ShouldNotBe(2024);
        vintage.GetProperty("supply_year").GetInt32().ShouldBe(2024);
        vintage.GetProperty("trade_year").GetInt32().ShouldBe(tradeYear);
        vintage.GetProperty("wgi_year").GetInt32().ShouldBe(row.GetProperty("wgi_year").GetInt32());
        var label = vintage.GetProperty("label").GetString()!;
        label.ShouldContain("2024 supply");
        label.ShouldContain($"{tradeYear} trade");
        label.ShouldContain("IEA");
    }

    [Fact]
    public async Task Brief_2030_UsesTheIeaProjectionNamedInTitleAndEveryRow()
    {
        // Given: IEA graphite refining in 2030 from the IEA file: China's share of the IEA's own exact total (docs/risk.md §1)
        var iea = await ReadAsync("iea_cmo2025_supply_mining_refining_by_country.csv");
        int mi = iea.IndexOf("mineral"), st = iea.IndexOf("stage"), co = iea.IndexOf("country"), rt = iea.IndexOf("row_type"), yr = iea.IndexOf("year"),
            va = iea.IndexOf("value_kt");
        var graphite = iea.Rows.Where(r => r[mi] == "Graphite" && r[st] == "refining" && r[yr] == "2030" && r[rt] is "country" or "rest_of_world").ToList();
        var total = iea.Rows.Single(r => r[mi] == "Graphite" && r[st] == "refining" && r[yr] == "2030" && r[rt] == "total");
        var chinaShare = graphite.Where(r => r[co] == "China").Sum(r => D(r[va])) / D(total[va]);
        var outDir = Path.Combine(store.Directory, "brief-2030");

        // When
        var (exit, json, _, error) = await store.RunAsync("brief", "--year", "2030", "--json", "--out", outDir);
        var (_, _, screen, _) = await store.RunAsync("brief", "--year", "2030", "--out", outDir);

        // Then: nothing observed is shown as 2030, and the projection is named
        exit.ShouldBe(0, error);
        using var doc = JsonDocument.Parse(json);
        var brief = doc.RootElement;
        brief.GetProperty("title").GetString()!.ShouldContain("2030");
        brief.GetProperty("title").GetString()!.ShouldContain("projection");
        brief.GetProperty("projection").GetString()!.ShouldContain("base_case");
        foreach (var row in brief.GetProperty("rows").EnumerateArray())
        {
            row.GetProperty("year").GetInt32().ShouldBe(2030);
            row.GetProperty("scenario").GetString().ShouldBe("base_case");
            row.GetProperty("vintage").GetProperty("label").GetString()!.ShouldContain("2030 supply projection (base_case)");
        }
        var row2030 = brief.GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("mineral").GetString() == "graphite" && r.GetProperty("stage").GetString() == "refining");
        row2030.GetProperty("shares").GetProperty("CHN").GetDouble().ShouldBe(chinaShare, 1e-9);
        screen.ShouldContain("2030 — projection: IEA");
        var markdown = await File.ReadAllTextAsync(Path.Combine(outDir, "report.md"), TestContext.Current.CancellationToken);
        markdown.ShouldContain("# Critical-minerals exposure brief: India (IND), 2030 — projection: IEA");
        markdown.ShouldNotContain("USGS (MCS 2026) 2024");
    }

    [Fact]
    public async Task Brief_YearWithNeitherDataNorProjection_ExitsOneNamingObservedYearsAndProjections()
    {
        // Given: the IEA projection years, from the IEA file (years after its observed 2024)
        var iea = await ReadAsync("iea_cmo2025_supply_mining_refining_by_country.csv");
        var projected = iea.Rows.Select(r => int.Parse(r[iea.IndexOf("year")], CultureInfo.InvariantCulture)).Where(y => y > 2024).Distinct().Order().ToList();

        // When
        var (exit, output, _, error) = await store.RunAsync("brief", "--year", "2031", "--json", "--out", Path.Combine(store.Directory, "brief-2031"));

        // Then
        exit.ShouldBe(1);
        output.ShouldBeEmpty();
        error.ShouldContain("'--year 2031'");
        error.ShouldContain("no projection covers it");
        error.ShouldContain("Observed years: ");
        error.ShouldContain("base_case: " + string.Join(", ", projected));
    }
}
