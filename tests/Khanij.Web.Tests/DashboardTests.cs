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
        (await page.Page.InnerTextAsync("h1")).ShouldContain("COD cuts cobalt");
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
}
