using System.Net.Http.Json;
using System.Text.Json;

namespace Khanij.Web.Tests;

/// <summary>The demand and diversify pages in Debian's Chromium against the real server: they draw without console errors, and what they
/// draw is what the API returns.</summary>
[Collection(ServerHeavyCollection.Name)]
public sealed class DemandDashboardTests(DashboardServer server)
{
    [Fact]
    public async Task DiversifyPage_CobaltRefining_BarsAndMapsShowTheSharesTheApiReturns()
    {
        // Given: the API's answer for the same request, and the ISO numeric codes the world map is keyed by.
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        var ct = TestContext.Current.CancellationToken;
        var api = await http.GetFromJsonAsync<JsonElement>("/api/diversify?mineral=cobalt&stage=refining&country=IND&objective=risk&cap=0.65", ct);
        var countries = await http.GetFromJsonAsync<JsonElement>("/api/countries", ct);
        var numeric = countries.EnumerateArray().ToDictionary(c => c.GetProperty("iso3").GetString()!, c => c.GetProperty("numeric").GetString()!);
        var mix = api.GetProperty("result").GetProperty("mix").EnumerateArray()
            .Select(m => (Iso3: m.GetProperty("iso3").GetString()!, Today: m.GetProperty("today").GetDouble(), Recommended: m.GetProperty("recommended").GetDouble()))
            .ToList();

        // When
        await using var page = await DashboardPage.OpenAsync(server, "/diversify.html?mineral=cobalt&stage=refining&country=IND&objective=risk&cap=0.65");
        var charts = await page.ShouldHaveRenderedChartsAsync(atLeast: 3);
        await page.ScreenshotAsync("diversify-cobalt-refining");
        var drawn = JsonDocument.Parse(await page.Page.EvaluateAsync<string>("""
            () => {
              const get = id => echarts.getInstanceByDom(document.getElementById(id)).getOption();
              const bars = get('mix-chart');
              // ECharts adds every region of the map to a map series' data, without a value (NaN): keep the shaded ones.
              const points = id => get(id).series[0].data.filter(d => typeof d.value === 'number' && !Number.isNaN(d.value)).map(d => [d.name, d.value]);
              return JSON.stringify({ suppliers: bars.xAxis[0].data, today: bars.series[0].data, recommended: bars.series[1].data,
                                      mapToday: points('map-today'), mapRecommended: points('map-recommended') });
            }
            """)).RootElement;

        // Then: both maps are maps; the bars are every supplier with a share above 0.05 % in either mix, with the API's shares.
        charts.Single(c => c.Id == "map-today").Types.ShouldBe(["map"]);
        charts.Single(c => c.Id == "map-recommended").Types.ShouldBe(["map"]);
        var shown = mix.Where(m => m.Today > 0.0005 || m.Recommended > 0.0005).ToList();
        drawn.GetProperty("suppliers").EnumerateArray().Select(x => x.GetString()).ShouldBe(shown.Select(m => m.Iso3));
        drawn.GetProperty("recommended").EnumerateArray().Select(x => x.GetDouble()).ShouldBe(shown.Select(m => m.Recommended));
        drawn.GetProperty("today").EnumerateArray().Select(x => x.GetDouble()).ShouldBe(shown.Select(m => m.Today));
        // The recommended map shades exactly the suppliers the API recommends (above 0.05 %), by their numeric code, at their share.
        var expectedMap = shown.Where(m => m.Recommended > 0.0005 && numeric.ContainsKey(m.Iso3))
            .ToDictionary(m => numeric[m.Iso3], m => m.Recommended);
        var mapRecommended = drawn.GetProperty("mapRecommended").EnumerateArray().ToDictionary(p => p[0].GetString()!, p => p[1].GetDouble());
        expectedMap.Count.ShouldBeGreaterThan(2);
        mapRecommended.ShouldBe(expectedMap, ignoreOrder: true);
        var expectedToday = shown.Where(m => m.Today > 0.0005 && numeric.ContainsKey(m.Iso3)).Select(m => numeric[m.Iso3]).Order().ToList();
        drawn.GetProperty("mapToday").EnumerateArray().Select(p => p[0].GetString()!).Order().ShouldBe(expectedToday);
        // Binding constraints are listed in words, as the API gives them.
        var firstBinding = api.GetProperty("result").GetProperty("binding")[0].GetProperty("in_words").GetString()!;
        (await page.Page.InnerTextAsync("#binding")).ShouldContain(firstBinding);
    }

    [Fact]
    public async Task DemandPage_India_DrawsNeedsAndGapWithoutErrors()
    {
        // Given
        await using var page = await DashboardPage.OpenAsync(server, "/demand.html?country=IND");

        // When
        var charts = await page.ShouldHaveRenderedChartsAsync(atLeast: 2);
        await page.ScreenshotAsync("demand-india");

        // Then
        charts.Single(c => c.Id == "needs-chart").Types.ShouldContain("bar");
        (await page.Page.InnerTextAsync("#needs-note")).ShouldContain("BatPaC");
    }
}
