using System.Globalization;
using System.Text.Json;
using Khanij.Core.Text;
using Khanij.Testing;

namespace Khanij.Cli.Tests.Risk;

public sealed class RiskCommandTests(StoreFixture store) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task Risk_RareEarthMiningUsgs2024Json_GivesChinaShareAndHhiAsComputedByHandFromTheCsv()
    {
        // Given: the USGS MCS 2026 file read directly; denominator = all country values + the 'Other' row
        const string file = "usgs_mcs2026_world_production_reserves.csv";
        var csv = Csv.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Data, file), TestContext.Current.CancellationToken), file);
        int c = csv.IndexOf("commodity"), m = csv.IndexOf("measure"), y = csv.IndexOf("year"), rt = csv.IndexOf("row_type"),
            iso = csv.IndexOf("iso3"), v = csv.IndexOf("value");
        var rows = csv.Rows.Where(r => r[c] == "Rare earths" && r[m] == "mine production" && r[y] == "2024").ToList();
        var countries = rows.Where(r => r[rt] == "country" && r[v].Length > 0)
            .ToDictionary(r => r[iso], r => double.Parse(r[v], CultureInfo.InvariantCulture));
        var denominator = countries.Values.Sum() + rows.Where(r => r[rt] == "other").Sum(r => double.Parse(r[v], CultureInfo.InvariantCulture));
        var chinaShare = countries["CHN"] / denominator;
        var hhi = countries.Values.Sum(x => Math.Pow(100 * x / denominator, 2));

        // When
        var (exit, output, _, error) = await store.RunAsync("risk", "--mineral", "rare_earths", "--stage", "mining", "--year", "2024", "--source", "usgs", "--json");

        // Then
        exit.ShouldBe(0, error);
        using var doc = JsonDocument.Parse(output);
        var row = doc.RootElement.EnumerateArray().ShouldHaveSingleItem();
        row.GetProperty("mineral").GetString().ShouldBe("rare_earths");
        row.GetProperty("stage").GetString().ShouldBe("mining");
        row.GetProperty("year").GetInt32().ShouldBe(2024);
        row.GetProperty("source").GetString().ShouldBe("usgs");
        row.GetProperty("top1_country").GetString().ShouldBe("CHN");
        row.GetProperty("top1_share").GetDouble().ShouldBe(chinaShare, 1e-12);
        row.GetProperty("shares").GetProperty("CHN").GetDouble().ShouldBe(chinaShare, 1e-12);
        row.GetProperty("hhi").GetDouble().ShouldBe(hhi, 1e-9);
        row.GetProperty("coverage_without_top1").GetDouble().ShouldBe(1 - chinaShare, 1e-12);
        var shareSum = row.GetProperty("shares").EnumerateObject().Sum(p => p.Value.GetDouble()) + row.GetProperty("residual_share").GetDouble();
        shareSum.ShouldBe(1, 1e-12);
        row.GetProperty("provenance").GetProperty("sources")[0].GetString()!.ShouldStartWith(file);
    }

    private static async Task<double> CatalogueFactor(string hsCode)
    {
        var codes = Csv.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Data, "catalogue", "hs_codes.csv"), TestContext.Current.CancellationToken),
            "hs_codes.csv");
        return double.Parse(codes.Rows.Single(r => r[codes.IndexOf("hs_code")] == hsCode)[codes.IndexOf("content_factor")], CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Risk_IeaGraphiteRefining2024_TopThreeShareEqualsTheIeaPublishedFigure()
    {
        // When
        var (exit, output, _, error) = await store.RunAsync("risk", "--mineral", "graphite", "--stage", "refining", "--year", "2024", "--source", "iea", "--json");

        // Then
        exit.ShouldBe(0, error);
        using var doc = JsonDocument.Parse(output);
        var row = doc.RootElement.EnumerateArray().ShouldHaveSingleItem();
        var published = row.GetProperty("published_top3_share").GetDouble();
        row.GetProperty("top3_share").GetDouble().ShouldBe(published, 1e-9);
        row.GetProperty("top1_country").GetString().ShouldBe("CHN");
    }

    [Fact]
    public async Task Risk_AcceptedRegistryPartnership_CountsItsCountryAsPartnerWithRegistryBasis()
    {
        // Given: the KABIL–Argentina lithium sample (accepted records) in the store's registry
        var sample = Path.Combine(RepoPaths.Root, "samples", "registry", "kabil-argentina-lithium.json");
        var (importExit, _, _, importError) = await store.RunAsync("partners", "import", sample);
        importExit.ShouldBe(0, importError);

        // When
        var (exit, output, _, error) = await store.RunAsync("risk", "--mineral", "lithium", "--stage", "refining", "--year", "2024", "--source", "iea", "--json");

        // Then: India's lithium-chemical imports from Argentina count as partner supply, on the registry's word
        exit.ShouldBe(0, error);
        using var doc = JsonDocument.Parse(output);
        var imports = doc.RootElement[0].GetProperty("imports");
        imports.GetProperty("shares").TryGetProperty("ARG", out _).ShouldBeTrue();
        imports.GetProperty("partner_bases").GetProperty("ARG")[0].GetString().ShouldBe("registry");
        imports.GetProperty("partner_bases").TryGetProperty("CHN", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Risk_ProducerWithoutWgi_IsReportedAndLeftOutOfTheWeightedHhi()
    {
        // Given: New Caledonia mines nickel but has no row in the WGI file (checked here, not assumed)
        var wgi = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Data, "wgi_estimates_percentiles_long.csv"), TestContext.Current.CancellationToken);
        wgi.ShouldNotContain("\nNCL,");

        // When
        var (exit, output, _, error) = await store.RunAsync("risk", "--mineral", "nickel", "--stage", "mining", "--year", "2024", "--source", "usgs", "--json");

        // Then
        exit.ShouldBe(0, error);
        using var doc = JsonDocument.Parse(output);
        var row = doc.RootElement[0];
        row.GetProperty("shares").GetProperty("NCL").GetDouble().ShouldBeGreaterThan(0);
        row.GetProperty("wgi_missing").EnumerateArray().Select(e => e.GetString()).ShouldContain("NCL");
    }

    [Fact]
    public async Task Risk_IndiaNickelMiningImports_MatchIndiasOwnReportsInTheTradeCsv()
    {
        // Given: India's own import reports of nickel ore (HS 2604) with named partners, latest year, read directly from the CSV
        const string file = "cheng2024_trademap_bilateral_quantities.csv";
        var csv = Csv.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Data, file), TestContext.Current.CancellationToken), file);
        int hs = csv.IndexOf("hs_code"), rep = csv.IndexOf("reporter"), mir = csv.IndexOf("mirror_data"), fl = csv.IndexOf("reporter_flow"),
            par = csv.IndexOf("partner"), yr = csv.IndexOf("year"), q = csv.IndexOf("quantity"), u = csv.IndexOf("unit");
        var own = csv.Rows.Where(r => r[hs].StartsWith("2604", StringComparison.Ordinal) && r[rep] == "India" && r[fl] == "import"
            && r[mir] == "0" && r[par] != "World").ToList();
        var inTonnes = own.Where(r => r[u] == "Tons" && r[q].Length > 0).ToList();
        var year = inTonnes.Max(r => int.Parse(r[yr], CultureInfo.InvariantCulture));
        var quantities = inTonnes.Where(r => r[yr] == year.ToString(CultureInfo.InvariantCulture))
            .Select(r => double.Parse(r[q], CultureInfo.InvariantCulture)).Where(x => x > 0).OrderDescending().ToList();
        // Tonnes of Ni content at the trade-code catalogue's stated grade for nickel ore (data/catalogue/hs_codes.csv); shares and HHI do
        // not depend on the factor, which is one for the whole code.
        var grade = await CatalogueFactor("260400");
        var total = quantities.Sum() * grade;
        var hhi = quantities.Sum(x => Math.Pow(100 * x * grade / total, 2));
        var skipped = own.Count(r => r[yr] == year.ToString(CultureInfo.InvariantCulture) && (r[u] != "Tons" || r[q].Length == 0));

        // When
        var (exit, output, _, error) = await store.RunAsync("risk", "--mineral", "nickel", "--stage", "mining", "--year", "2024", "--source", "usgs", "--json");

        // Then: one flow per partner from India's own file; rows of other reporters are not India's skipped rows
        exit.ShouldBe(0, error);
        using var doc = JsonDocument.Parse(output);
        var imports = doc.RootElement[0].GetProperty("imports");
        imports.GetProperty("year").GetInt32().ShouldBe(year);
        imports.GetProperty("total_t").GetDouble().ShouldBe(total, 1e-9);
        imports.GetProperty("hhi").GetDouble().ShouldBe(hhi, 1e-9);
        imports.GetProperty("shares").EnumerateObject().Select(p => p.Value.GetDouble()).ShouldBe(quantities.Select(x => x * grade / total), 1e-12);
        imports.GetProperty("hs_basis").EnumerateObject().ShouldAllBe(p => p.Value.GetString() == "importer");
        var skipNotes = imports.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).Where(n => n.Contains("skipped", StringComparison.Ordinal)).ToList();
        if (skipped == 0)
        {
            skipNotes.ShouldBeEmpty();
        }
        else
        {
            skipNotes.ShouldHaveSingleItem().ShouldStartWith($"{skipped} of IND's");
        }
    }

    [Fact]
    public async Task Risk_ReporterListedUnderTwoSpellings_ImportsCountedOnce()
    {
        // Given: North Macedonia's nickel-ore import reports, which the CSV lists under two reporter spellings; one flow per partner and year
        const string file = "cheng2024_trademap_bilateral_quantities.csv";
        var csv = Csv.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Data, file), TestContext.Current.CancellationToken), file);
        int hs = csv.IndexOf("hs_code"), rep = csv.IndexOf("reporter"), mir = csv.IndexOf("mirror_data"), fl = csv.IndexOf("reporter_flow"),
            par = csv.IndexOf("partner"), yr = csv.IndexOf("year"), q = csv.IndexOf("quantity"), u = csv.IndexOf("unit");
        var rows = csv.Rows.Where(r => r[hs].StartsWith("2604", StringComparison.Ordinal) && r[rep].StartsWith("Macedonia, North", StringComparison.Ordinal)
            && r[fl] == "import" && r[mir] == "0" && r[par] != "World" && r[u] == "Tons" && r[q].Length > 0).ToList();
        rows.Select(r => r[rep]).Distinct().Count().ShouldBeGreaterThan(1, "the CSV no longer lists North Macedonia under two spellings");
        var year = rows.Max(r => r[yr]);
        var flows = rows.Where(r => r[yr] == year).GroupBy(r => r[par]).ToDictionary(g => g.Key, g => g.Select(r => r[q]).Distinct().Single());
        var total = flows.Values.Sum(x => double.Parse(x, CultureInfo.InvariantCulture)) * await CatalogueFactor("260400");

        // When
        var (exit, output, _, error) = await store.RunAsync("risk", "--mineral", "nickel", "--stage", "mining", "--year", "2024", "--source", "usgs",
            "--country", "MKD", "--json");

        // Then
        exit.ShouldBe(0, error);
        using var doc = JsonDocument.Parse(output);
        var imports = doc.RootElement[0].GetProperty("imports");
        imports.GetProperty("year").GetInt32().ShouldBe(int.Parse(year!, CultureInfo.InvariantCulture));
        imports.GetProperty("total_t").GetDouble().ShouldBe(total, 1e-9);
        imports.GetProperty("shares").EnumerateObject().Count().ShouldBe(flows.Count(f => double.Parse(f.Value, CultureInfo.InvariantCulture) > 0));
    }

    [Fact]
    public async Task Risk_CobaltMiningUsgs2024_GovernanceWeightedHhiMatchesTheWgiFileByHand()
    {
        // Given: USGS cobalt mine production 2024 shares (rows + 'Other' as denominator) and the six WGI estimates of the latest year
        var ct = TestContext.Current.CancellationToken;
        const string usgsFile = "usgs_mcs2026_world_production_reserves.csv";
        var usgs = Csv.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Data, usgsFile), ct), usgsFile);
        int c = usgs.IndexOf("commodity"), m = usgs.IndexOf("measure"), y = usgs.IndexOf("year"), rt = usgs.IndexOf("row_type"),
            iso = usgs.IndexOf("iso3"), v = usgs.IndexOf("value");
        var rows = usgs.Rows.Where(r => r[c] == "Cobalt" && r[m] == "mine production" && r[y] == "2024").ToList();
        var countries = rows.Where(r => r[rt] == "country" && r[v].Length > 0).ToDictionary(r => r[iso], r => double.Parse(r[v], CultureInfo.InvariantCulture));
        var denominator = countries.Values.Sum() + rows.Where(r => r[rt] == "other").Sum(r => double.Parse(r[v], CultureInfo.InvariantCulture));
        const string wgiFile = "wgi_estimates_percentiles_long.csv";
        var wgi = Csv.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Data, wgiFile), ct), wgiFile);
        int wi = wgi.IndexOf("iso3"), wc = wgi.IndexOf("indicator_code"), wy = wgi.IndexOf("year"), wv = wgi.IndexOf("value");
        var estimates = wgi.Rows.Where(r => r[wc].EndsWith(".EST", StringComparison.Ordinal) && r[wv].Length > 0).ToList();
        var latest = estimates.Max(r => r[wy])!;
        var score = estimates.Where(r => r[wy] == latest).GroupBy(r => r[wi])
            .ToDictionary(g => g.Key, g => g.Average(r => Math.Clamp((2.5 - double.Parse(r[wv], CultureInfo.InvariantCulture)) * 2, 0, 10)));
        var expected = countries.Where(kv => score.ContainsKey(kv.Key)).Sum(kv => Math.Pow(kv.Value / denominator, 2) * score[kv.Key]);

        // When
        var (exit, output, _, error) = await store.RunAsync("risk", "--mineral", "cobalt", "--stage", "mining", "--year", "2024", "--source", "usgs", "--json");

        // Then
        exit.ShouldBe(0, error);
        using var doc = JsonDocument.Parse(output);
        var row = doc.RootElement[0];
        row.GetProperty("wgi_year").GetInt32().ShouldBe(int.Parse(latest, CultureInfo.InvariantCulture));
        row.GetProperty("hhi_wgi").GetDouble().ShouldBe(expected, 1e-9);
    }

    [Fact]
    public async Task Risk_Csv_HasOneParsableRowPerJsonRow()
    {
        // When
        var (exit, csv, _, error) = await store.RunAsync("risk", "--mineral", "cobalt", "--year", "2024", "--csv");
        var (_, json, _, _) = await store.RunAsync("risk", "--mineral", "cobalt", "--year", "2024", "--json");

        // Then
        exit.ShouldBe(0, error);
        var table = Csv.Parse(csv, "risk.csv");
        using var doc = JsonDocument.Parse(json);
        table.Rows.Count.ShouldBe(doc.RootElement.GetArrayLength());
        var hhi = table.IndexOf("hhi");
        table.Rows.Select(r => double.Parse(r[hhi], CultureInfo.InvariantCulture))
            .ShouldBe(doc.RootElement.EnumerateArray().Select(r => r.GetProperty("hhi").GetDouble()));
    }

    [Fact]
    public async Task Risk_WgiYearWithoutData_ExitsOneAndListsTheYears()
    {
        // When
        var (exit, _, _, error) = await store.RunAsync("risk", "--mineral", "lithium", "--wgi-year", "2031");

        // Then
        exit.ShouldBe(1);
        error.ShouldContain("'--wgi-year 2031' has no WGI data");
        error.ShouldContain("2022");
    }

    [Fact]
    public async Task Risk_UnknownMineral_ExitsOneAndNamesWhatWasExpected()
    {
        // When
        var (exit, _, _, error) = await store.RunAsync("risk", "--mineral", "unobtainium");

        // Then
        exit.ShouldBe(1);
        error.ShouldContain("'--mineral unobtainium' is not in the catalogue");
    }

    [Fact]
    public async Task Risk_YearWithoutData_ListsTheAvailableTables()
    {
        // When
        var (exit, _, _, error) = await store.RunAsync("risk", "--mineral", "rare_earths", "--year", "2031", "--source", "usgs");

        // Then
        exit.ShouldBe(1);
        error.ShouldContain("usgs/mining/2024");
    }

    [Fact]
    public async Task Risk_UnknownPartnerFramework_ExitsOne()
    {
        // When
        var (exit, _, _, error) = await store.RunAsync("risk", "--mineral", "lithium", "--partner-frameworks", "NOPE");

        // Then
        exit.ShouldBe(1);
        error.ShouldContain("unknown framework(s) NOPE");
    }

    [Fact]
    public async Task Brief_DefaultIndia_PrintsRankedBriefAndWritesBothReportsWithCharts()
    {
        // Given
        var outDir = Path.Combine(store.Directory, "brief");

        // When
        var (exit, _, screen, error) = await store.RunAsync("brief", "--out", outDir);
        var (jsonExit, json, _, _) = await store.RunAsync("brief", "--out", outDir, "--json");

        // Then
        exit.ShouldBe(0, error);
        screen.ShouldContain("Key findings");
        screen.ShouldContain("Ranked exposure");
        var html = await File.ReadAllTextAsync(Path.Combine(outDir, "report.html"), TestContext.Current.CancellationToken);
        var md = await File.ReadAllTextAsync(Path.Combine(outDir, "report.md"), TestContext.Current.CancellationToken);
        CountOf(html, "data:image/svg+xml;base64,").ShouldBe(3);
        html.ShouldNotContain("src=\"charts/");
        CountOf(md, "](charts/").ShouldBe(3);
        foreach (var stem in new[] { "concentration_by_mineral_stage", "criticality_matrix", "top_supplier_shares" })
        {
            new FileInfo(Path.Combine(outDir, "charts", stem + ".png")).Length.ShouldBeGreaterThan(5_000);
        }
        jsonExit.ShouldBe(0);
        using var doc = JsonDocument.Parse(json);
        var scores = doc.RootElement.EnumerateArray().Select(r => r.GetProperty("supply_risk").GetDouble()).ToList();
        scores.Count.ShouldBeGreaterThan(10);
        scores.ShouldBe(scores.OrderByDescending(s => s).ToList());
        doc.RootElement.EnumerateArray().ShouldContain(r => r.GetProperty("mineral").GetString() == "rare_earths");
    }

    private static int CountOf(string text, string what)
    {
        var n = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            n++;
        }
        return n;
    }
}
