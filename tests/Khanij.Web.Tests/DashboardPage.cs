using System.Text.Json;
using Microsoft.Playwright;

namespace Khanij.Web.Tests;

/// <summary>A dashboard page opened in its own browser context, with everything that went wrong on it recorded:
/// console errors, uncaught exceptions, failed requests and any request that would leave the machine (those are blocked).</summary>
internal sealed class DashboardPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private DashboardPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    public List<string> Problems { get; } = [];

    public static async Task<DashboardPage> OpenAsync(DashboardServer server, string path, string? language = null, bool waitForReady = true)
    {
        Assert.SkipWhen(server.Browser is null, $"{DashboardServer.ChromiumPath} is not installed (.ci/install-deps installs Debian's chromium).");
        var context = await server.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1360, Height = 900 },
            ReducedMotion = ReducedMotion.Reduce,
        });
        var page = await context.NewPageAsync();
        var result = new DashboardPage(context, page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                result.Problems.Add("console error: " + message.Text);
            }
        };
        page.PageError += (_, error) => result.Problems.Add("page error: " + error);
        page.RequestFailed += (_, request) => result.Problems.Add($"request failed: {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 500)
            {
                result.Problems.Add($"HTTP {response.Status}: {response.Url}");
            }
        };
        await page.RouteAsync("**/*", async route =>
        {
            var uri = new Uri(route.Request.Url);
            if (uri.Scheme is "data" or "blob" || uri.IsLoopback)
            {
                await route.ContinueAsync();
                return;
            }
            result.Problems.Add("request beyond this machine (pages must work offline): " + route.Request.Url);
            await route.AbortAsync();
        });
        if (language is not null)
        {
            // The language travels in the URL (?lang=hi), as a shared link carries it.
            path += (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + language;
        }
        await page.GotoAsync(server.BaseUrl + path);
        if (waitForReady)
        {
            await page.WaitForSelectorAsync("body[data-ready]", new PageWaitForSelectorOptions { Timeout = 15_000 });
        }
        return result;
    }

    /// <summary>Every <c>.chart</c> element with its ECharts instance's series and how many data points (or links) they hold.</summary>
    public async Task<IReadOnlyList<ChartInfo>> ChartsAsync()
    {
        var json = await Page.EvaluateAsync<string>("""
            () => JSON.stringify([...document.querySelectorAll('.chart')].map(e => {
              const c = echarts.getInstanceByDom(e);
              const series = c ? c.getOption().series : [];
              return { id: e.id, empty: e.dataset.empty ?? null, canvas: !!e.querySelector('canvas'), width: e.clientWidth, height: e.clientHeight,
                       types: series.map(s => s.type),
                       points: series.reduce((n, s) => n + (s.data?.length ?? 0) + (s.links?.length ?? 0), 0) };
            }))
            """);
        return JsonSerializer.Deserialize<List<ChartInfo>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    /// <summary>Asserts the page loaded without problems and every chart drew at least one data point, except charts the page marked
    /// as empty with a reason (when <paramref name="allowEmpty"/>); at least <paramref name="atLeast"/> charts must have data.</summary>
    public async Task<IReadOnlyList<ChartInfo>> ShouldHaveRenderedChartsAsync(int atLeast, bool allowEmpty = false)
    {
        var failed = await Page.EvaluateAsync<bool>("() => document.body.dataset.failed === '1'");
        var banner = failed ? await Page.InnerTextAsync(".error") : "";
        failed.ShouldBeFalse($"the page showed an error: {banner}");
        var charts = await ChartsAsync();
        charts.Count(c => c.Empty is null).ShouldBeGreaterThanOrEqualTo(atLeast);
        foreach (var chart in charts)
        {
            if (chart.Empty is not null)
            {
                allowEmpty.ShouldBeTrue($"chart #{chart.Id} is empty: {chart.Empty}");
                continue;
            }
            chart.Canvas.ShouldBeTrue($"chart #{chart.Id} has no canvas");
            chart.Points.ShouldBeGreaterThan(0, $"chart #{chart.Id} ({string.Join(",", chart.Types)}) drew no data");
            chart.Height.ShouldBeGreaterThan(100, $"chart #{chart.Id} is collapsed");
        }
        Problems.ShouldBeEmpty();
        return charts;
    }

    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardServer.ScreenshotDir, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}

internal sealed record ChartInfo(string Id, string? Empty, bool Canvas, int Width, int Height, IReadOnlyList<string> Types, int Points);
