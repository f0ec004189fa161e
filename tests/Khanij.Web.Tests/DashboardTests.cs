namespace Khanij.Web.Tests;

/// <summary>The dashboard in Debian's Chromium against a real server: every page draws its charts from the API with no console errors.</summary>
[Collection(ServerHeavyCollection.Name)]
public sealed class DashboardTests(DashboardServer server)
{
    [Fact]
    public async Task Overview_Loads_DrawsRankedExposureAndCriticalityMatrixWithoutErrors()
    {
        // Given
        await using var page = await DashboardPage.OpenAsync(server, "/");

        // When
        var charts = await page.ShouldHaveRenderedChartsAsync(atLeast: 4);
        await page.ScreenshotAsync("overview");

        // Then
        charts.ShouldContain(c => c.Id == "risk-chart" && c.Types.Contains("bar") && c.Points >= 10);
        charts.ShouldContain(c => c.Id == "matrix-chart" && c.Types.Contains("scatter") && c.Points >= 3);
        (await page.Page.Locator("#risk-table tbody tr").CountAsync()).ShouldBeGreaterThan(10);
        (await page.Page.Locator("#minerals-table tbody tr").CountAsync()).ShouldBeGreaterThan(20);
    }

    [Fact]
    public async Task LanguageSwitch_Hindi_ShowsHindiLabelsAndNames()
    {
        // Given
        await using var page = await DashboardPage.OpenAsync(server, "/");

        // When
        await page.Page.ClickAsync("button[data-lang=hi]");
        // The switch reloads the page: wait for the Hindi page to finish, not the English one it replaces.
        await page.Page.WaitForFunctionAsync("() => document.documentElement.lang === 'hi' && document.body.dataset.ready === '1'");
        await page.ShouldHaveRenderedChartsAsync(atLeast: 4);
        await page.ScreenshotAsync("overview-hi");

        // Then
        (await page.Page.GetAttributeAsync("html", "lang")).ShouldBe("hi");
        (await page.Page.InnerTextAsync("h1")).ShouldStartWith("सारांश · भारत");
        (await page.Page.InnerTextAsync("header nav")).ShouldContain("आपूर्ति शृंखला");
    }

    [Fact]
    public async Task ApiReference_Loads_ListsOperationsOffline()
    {
        // Given
        await using var page = await DashboardPage.OpenAsync(server, "/api-reference/", waitForReady: false);

        // When
        try
        {
            await page.Page.GetByText("ListMinerals").Or(page.Page.GetByText("List the catalogue's minerals")).First
                .WaitForAsync(new() { Timeout = 15_000 });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\nproblems on the page: {string.Join("\n", page.Problems)}", e);
        }
        await page.ScreenshotAsync("api-reference");

        // Then
        page.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task MineralPage_LithiumRefining_DrawsMapProducersHhiAndImports()
    {
        // Given
        await using var page = await DashboardPage.OpenAsync(server, "/mineral.html?id=lithium&stage=refining&country=IND");

        // When
        var charts = await page.ShouldHaveRenderedChartsAsync(atLeast: 4);
        await page.ScreenshotAsync("mineral-lithium-refining");

        // Then
        charts.Single(c => c.Id == "map-chart").Types.ShouldContain("map");
        charts.Single(c => c.Id == "hhi-chart").Points.ShouldBeGreaterThan(1);
        (await page.Page.InnerTextAsync("#map-note")).ShouldContain("HHI");
        (await page.Page.InnerTextAsync("#imports-note")).ShouldContain("cheng2024_trademap");
    }

    [Fact]
    public async Task MineralPage_ChangeMineralAndStage_RedrawsForTheNewSelection()
    {
        // Given
        await using var page = await DashboardPage.OpenAsync(server, "/mineral.html?id=lithium&stage=refining");

        // When
        await page.Page.SelectOptionAsync("#mineral", "rare_earths");
        await page.Page.WaitForSelectorAsync("body[data-ready]");
        await page.Page.SelectOptionAsync("#stage", "mining");
        await page.Page.WaitForSelectorAsync("body[data-ready]");

        // Then
        await page.ShouldHaveRenderedChartsAsync(atLeast: 3, allowEmpty: true);
        page.Page.Url.ShouldContain("id=rare_earths");
        (await page.Page.InnerTextAsync("#map-note")).ShouldContain("REO");
        await page.ScreenshotAsync("mineral-rare-earths-mining");
    }

    [Fact]
    public async Task MineralPage_NiobiumSheet_ShowsBothUsgsEditionsYearByYearAndReservesFromTheDataFile()
    {
        // Given: Brazil's niobium mine production and reserves as the USGS file prints them (metric tons, niobium content); the MCS 2026
        // rows are stored as source usgs (reserves usgs2026), the MCS 2024 data release as usgs_mcs2024 (docs/data.md)
        var t = Khanij.Core.Text.Csv.Parse(await File.ReadAllTextAsync(Path.Combine(Khanij.Testing.RepoPaths.Data, "usgs_mcs_more_commodities.csv"),
            TestContext.Current.CancellationToken), "usgs_mcs_more_commodities.csv");
        string F(Khanij.Core.Text.CsvRow r, string c) => r[t.IndexOf(c)];
        var brazil = t.Rows.Where(r => F(r, "commodity") == "Niobium" && F(r, "iso3") == "BRA" && F(r, "unit").StartsWith("metric tons", StringComparison.Ordinal))
            .ToList();
        // Column headings name the publisher's edition in words (not the store's source ids usgs / usgs_mcs2024).
        var source = new Dictionary<string, string> { ["MCS2026"] = "USGS", ["MCS2024"] = "USGS MCS 2024" };
        var production = brazil.Where(r => F(r, "measure") == "mine production")
            .Select(r => (Column: $"{F(r, "year")} · {source[F(r, "edition")]}", Tonnes: double.Parse(F(r, "value"), System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        var reserves = brazil.Where(r => F(r, "measure") == "reserves")
            .Select(r => (Source: F(r, "edition") == "MCS2026" ? "usgs2026" : "usgs_mcs2024", Tonnes: double.Parse(F(r, "value"), System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        production.Count.ShouldBe(4, "two years in each edition");

        // When
        await using var page = await DashboardPage.OpenAsync(server, "/mineral.html?id=niobium&stage=mining&country=IND");
        var charts = await page.ShouldHaveRenderedChartsAsync(atLeast: 3, allowEmpty: true);
        await page.ScreenshotAsync("mineral-niobium-sheet");

        // Then: one chart holds both editions (4 years), and the table under it prints each of Brazil's figures
        var chart = charts.Single(c => c.Id == "production-chart-0");
        chart.Types.ShouldAllBe(x => x == "line");
        var table = await TableAsync(page, "#production-table-0");
        var row = table.Rows.Single(r => r[0] == "Brazil");
        foreach (var (column, tonnes) in production)
        {
            Number(row[table.Headers.IndexOf(column)]).ShouldBe(tonnes, $"{column}");
        }
        foreach (var (src, tonnes) in reserves)
        {
            var r = await TableAsync(page, $"#reserves table[data-source='{src}']");
            Number(r.Rows.Single(x => x[0] == "Brazil")[1]).ShouldBe(tonnes, src);
        }
        (await page.Page.GetAttributeAsync("#production-table-0 a >> nth=0", "href")).ShouldBe("country.html?code=BRA");
        (await page.Page.InnerTextAsync("#production-series")).ShouldContain("usgs_mcs_more_commodities.csv");
    }

    [Fact]
    public async Task MineralPage_GermaniumSheet_SaysWhatIsNotInThePackAndShowsIeaCleanTechDemand()
    {
        // Given: the IEA's clean-technology demand for germanium in 2024 (kt in the file)
        var iea = Khanij.Core.Text.Csv.Parse(await File.ReadAllTextAsync(Path.Combine(Khanij.Testing.RepoPaths.Data, "iea_cmo2025_demand.csv"),
            TestContext.Current.CancellationToken), "iea_cmo2025_demand.csv");
        var points = iea.Rows.Count(r => r[iea.IndexOf("mineral")] == "Germanium" && r[iea.IndexOf("table")] == "cleantech_demand_by_mineral");

        // When
        await using var page = await DashboardPage.OpenAsync(server, "/mineral.html?id=germanium&stage=refining&country=IND");
        var charts = await page.ShouldHaveRenderedChartsAsync(atLeast: 1, allowEmpty: true);
        await page.ScreenshotAsync("mineral-germanium-sheet");

        // Then
        charts.Single(c => c.Id == "demand-chart").Points.ShouldBe(points);
        var missing = await page.Page.InnerTextAsync("#missing");
        missing.ShouldContain("production: no source in the pack");
        missing.ShouldContain("reserves: none in the pack");
        (await page.Page.InnerTextAsync("#recycling")).ShouldContain("germanium <1");
    }

    [Fact]
    public async Task CountryPage_Japan_ShowsProductionFromTheDataFileImportsAndLinks()
    {
        // Given: Japan's refined cobalt in 2024 and the world total, as the IEA file prints them (kt)
        var iea = Khanij.Core.Text.Csv.Parse(await File.ReadAllTextAsync(Path.Combine(Khanij.Testing.RepoPaths.Data,
            "iea_cmo2025_supply_mining_refining_by_country.csv"), TestContext.Current.CancellationToken), "iea_cmo2025_supply_mining_refining_by_country.csv");
        double Kt(string country) => double.Parse(iea.Rows.Single(r => r[iea.IndexOf("mineral")] == "Cobalt" && r[iea.IndexOf("stage")] == "refining"
            && r[iea.IndexOf("country")] == country && r[iea.IndexOf("year")] == "2024")[iea.IndexOf("value_kt")], System.Globalization.CultureInfo.InvariantCulture);
        var japan = Kt("Japan") * 1000;
        var share = Kt("Japan") / Kt("Total");

        // When
        await using var page = await DashboardPage.OpenAsync(server, "/country.html?code=JPN");
        var charts = await page.ShouldHaveRenderedChartsAsync(atLeast: 2);
        await page.ScreenshotAsync("country-japan");

        // Then
        (await page.Page.InnerTextAsync("h1")).ShouldBe("Japan (JPN)");
        var production = await TableAsync(page, "#production-table");
        var cobalt = production.Rows.Single(r => r[0] == "Cobalt" && r[1] == "Refining" && r[3].StartsWith("iea ", StringComparison.Ordinal));
        cobalt[4].ShouldBe("2024");
        Number(cobalt[5]).ShouldBe(japan, 0.001);
        Number(cobalt[6].Replace("%", "", StringComparison.Ordinal)).ShouldBe(100 * share, 0.05);
        charts.Single(c => c.Id == "imports-chart").Points.ShouldBeGreaterThan(0);
        (await page.Page.Locator("#imports-table tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Page.InnerTextAsync("#gaps")).ShouldContain("no import figures for JPN");
        (await page.Page.InnerTextAsync("#frameworks")).ShouldContain("QUAD");
        (await page.Page.GetAttributeAsync("#production-table a[href^='mineral.html?id=cobalt']", "href")).ShouldBe("mineral.html?id=cobalt&country=JPN");
        (await page.Page.Locator("#imports-table a[href^='country.html?code=']").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Page.InnerTextAsync("header nav")).ShouldContain("Countries");
    }

    [Fact]
    public async Task CountryPage_InHindi_ShowsHindiLabels()
    {
        // Given
        await using var page = await DashboardPage.OpenAsync(server, "/country.html?code=IND", language: "hi");

        // When
        await page.ShouldHaveRenderedChartsAsync(atLeast: 1, allowEmpty: true);

        // Then
        (await page.Page.InnerTextAsync("header nav")).ShouldContain("देश");
        (await page.Page.InnerTextAsync("main")).ShouldContain("खनिज अनुसार उत्पादन");
        (await page.Page.InnerTextAsync("h1")).ShouldContain("भारत");
    }

    [Fact]
    public async Task ChainPage_Cobalt_DrawsSankeyFromMinesToCathodes()
    {
        // Given
        await using var page = await DashboardPage.OpenAsync(server, "/chain.html?id=cobalt");

        // When
        var charts = await page.ShouldHaveRenderedChartsAsync(atLeast: 1);
        await page.ScreenshotAsync("chain-cobalt");

        // Then
        var sankey = charts.Single(c => c.Id == "sankey-chart");
        sankey.Types.ShouldBe(["sankey"]);
        sankey.Points.ShouldBeGreaterThan(50);
        (await page.Page.InputValueAsync("#mineral")).ShouldBe("cobalt");
    }

    [Fact]
    public async Task ScenarioPage_QuickShock_RunsMonteCarloAndDrawsShortfallsAndDistribution()
    {
        // Given
        await using var page = await DashboardPage.OpenAsync(server, "/scenario.html");
        await page.ShouldHaveRenderedChartsAsync(atLeast: 3, allowEmpty: true);   // the bundled example ran on load

        // When
        await page.Page.SelectOptionAsync("#q-country", "COD");
        await page.Page.SelectOptionAsync("#q-mineral", "cobalt");
        await page.Page.SelectOptionAsync("#q-stage", "mining");
        await page.Page.FillAsync("#q-runs", "5000");
        await page.Page.ClickAsync("#q-build");
        await page.Page.WaitForSelectorAsync("body[data-ready]");

        // Then
        var charts = await page.ShouldHaveRenderedChartsAsync(atLeast: 3, allowEmpty: true);
        charts.Single(c => c.Id == "mc-chart").Points.ShouldBeGreaterThan(5);
        (await page.Page.InputValueAsync("#scenario")).ShouldContain("\"COD\"");
        (await page.Page.InnerTextAsync("#shortfall-note")).ShouldContain("5,000");
        (await page.Page.InnerTextAsync("h1")).ShouldContain("Cobalt · Mining");
        await page.ScreenshotAsync("scenario-cobalt");
    }

    [Fact]
    public async Task PartnersPage_India_DrawsTimelineAndGraphFromCuratedRecords()
    {
        // Given
        await using var page = await DashboardPage.OpenAsync(server, "/partners.html?country=IND");

        // When
        var charts = await page.ShouldHaveRenderedChartsAsync(atLeast: 2);
        await page.ScreenshotAsync("partners-india");

        // Then
        charts.Single(c => c.Id == "graph-chart").Types.ShouldBe(["graph"]);
        charts.Single(c => c.Id == "timeline-chart").Points.ShouldBeGreaterThan(0);
        (await page.Page.Locator("#partners-table tbody tr").CountAsync()).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task IngestPage_PasteArticleAndAccept_ProposalBecomesAcceptedPartnership()
    {
        // Given: an article written for this test (not one of the seed documents)
        const string article = """
            India and Argentina sign lithium agreement
            Published: 2025-09-18

            New Delhi, 18 September 2025. India and Argentina signed a memorandum of understanding on cooperation in critical minerals on Thursday, covering the exploration and processing of lithium and copper.
            The memorandum was signed by the Ministry of Mines of India and the Argentine Secretariat of Mining in New Delhi.
            Officials said the two countries would set up a joint working group to review progress every year.
            """;
        await using var page = await DashboardPage.OpenAsync(server, "/ingest.html");

        // When
        await page.Page.FillAsync("#doc-name", "web-test-ind-arg.txt");
        await page.Page.FillAsync("#text", article);
        await page.Page.ClickAsync("#ingest");
        await page.Page.WaitForSelectorAsync("body[data-ready] [data-record]");
        // The follow-up the article states ("would set up a joint working group") becomes a commitment (cm-…), which is not a partnership.
        var record = page.Page.Locator("[data-record]:not([data-record^='cm-'])").Filter(new() { HasText = "Argentina" }).First;
        var id = await record.GetAttributeAsync("data-record");
        await page.ScreenshotAsync("ingest-proposed");
        await record.Locator("button[data-action=accept]").ClickAsync();
        await page.Page.WaitForSelectorAsync($"[data-record='{id}'] [data-state=accepted]");
        await page.ScreenshotAsync("ingest-accepted");

        // Then
        (await page.Page.Locator("#text-view mark").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Page.InnerTextAsync("#text-view mark >> nth=0")).ShouldContain("Argentina");
        await page.ShouldHaveRenderedChartsAsync(atLeast: 1);
        using var http = new HttpClient();
        var partners = await http.GetStringAsync(server.BaseUrl + "/api/partners?country=IND", TestContext.Current.CancellationToken);
        partners.ShouldContain(id!);
    }

    [Fact]
    public async Task ScenarioPage_InHindi_ShowsHindiLabelsAndMineralNames()
    {
        // Given
        await using var page = await DashboardPage.OpenAsync(server, "/scenario.html", language: "hi");

        // When
        await page.ShouldHaveRenderedChartsAsync(atLeast: 3, allowEmpty: true);
        await page.ScreenshotAsync("scenario-hi");

        // Then
        (await page.Page.InnerTextAsync("header nav")).ShouldContain("परिदृश्य");
        (await page.Page.InnerTextAsync("#stats-table")).ShouldContain("कोबाल्ट");
    }

    /// <summary>A rendered table's header texts and cell texts.</summary>
    private static async Task<(List<string> Headers, List<List<string>> Rows)> TableAsync(DashboardPage page, string selector)
    {
        var json = await page.Page.EvalOnSelectorAsync<string>(selector, """
            t => JSON.stringify({ headers: [...t.querySelectorAll('thead th')].map(h => h.innerText.trim()),
                                  rows: [...t.querySelectorAll('tbody tr')].map(r => [...r.cells].map(c => c.innerText.trim())) })
            """);
        var doc = System.Text.Json.JsonDocument.Parse(json).RootElement;
        return ([.. doc.GetProperty("headers").EnumerateArray().Select(h => h.GetString()!)],
            [.. doc.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetString()!).ToList())]);
    }

    /// <summary>A number as the dashboard prints it (Indian digit grouping, e.g. 1,04,000).</summary>
    private static double Number(string text) =>
        double.Parse(text.Replace(",", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture);
}
