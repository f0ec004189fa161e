using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Khanij.Testing;
using Microsoft.AspNetCore.Builder;

namespace Khanij.Web.Tests;

/// <summary>Issue 17, findings 1 and 2: a bounded server. Store reads are answered from a cache that a registry decision invalidates at
/// once; heavy work beyond the concurrency limit is refused with 503 and Retry-After; a simulation beyond the work limit is refused before
/// it runs; four maximal simulations keep a real <c>khanij serve</c> process under 1 GB and its memory returns afterwards.</summary>
[Collection(ServerHeavyCollection.Name)]
public sealed partial class ServerLimitsTests(DashboardServer server)
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task StoreRead_IsAnsweredFromTheCache_UntilARegistryDecisionMovesTheStoreVersion()
    {
        // Given: a proposed IND–MNG copper partnership (Mongolia is in none of India's default frameworks)
        using var http = new HttpClient();
        var id = "cache-check-" + Guid.NewGuid().ToString("N")[..8];
        var file = JsonSerializer.Serialize(new
        {
            records = new[]
            {
                new
                {
                    id, kind = "partnership", title = "Cache check fixture", parties = new[] { "IND", "MNG" }, instrument = "mou", status = "signed",
                    date = "2025-05-06", minerals = new[] { "copper" }, review = "proposed",
                    sources = new[] { new { document = "test fixture", url = "https://example.org/cache", published = "2025-05-06" } },
                },
            },
        });
        await BrowserSafetyTests.ImportAsync(http, server.BaseUrl, file);
        var url = server.BaseUrl + "/api/risk?country=IND&mineral=copper&stage=refining";
        var first = await http.GetAsync(url, Ct);
        var second = await http.GetAsync(url, Ct);

        // When
        var accept = await http.PostAsync($"{server.BaseUrl}/api/partners/records/{id}/accept", null, Ct);
        var after = await http.GetAsync(url, Ct);

        // Then: the repeat came from the cache (it carries an Age), and the decision is seen at once
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.Headers.Age.ShouldNotBeNull("the second identical read should be served from the output cache");
        PartnerBases(await first.Content.ReadFromJsonAsync<JsonElement>(Ct), "MNG").ShouldBeEmpty();
        accept.StatusCode.ShouldBe(HttpStatusCode.OK, await accept.Content.ReadAsStringAsync(Ct));
        after.Headers.Age.ShouldBeNull("a read after a registry decision must be computed again, not served from the cache");
        PartnerBases(await after.Content.ReadFromJsonAsync<JsonElement>(Ct), "MNG").ShouldContain("registry");
    }

    [Fact]
    public async Task StoreRead_InAnotherCase_IsStillAStoreRead()
    {
        // Given: routing matches /API/Risk as /api/risk, so the cost classes (cache, limits) must too
        using var http = new HttpClient();
        var url = server.BaseUrl + "/API/Risk?country=IND&mineral=lithium&stage=mining";

        // When
        var first = await http.GetAsync(url, Ct);
        var second = await http.GetAsync(url, Ct);

        // Then
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.Headers.Age.ShouldNotBeNull("a mixed-case path to a store read should be cached like the lower-case one");
    }

    [Fact]
    public async Task HeavyRequests_BeyondTheConcurrencyLimit_Get503WithRetryAfter_AndRunAgainOnceTheSlotIsFree()
    {
        // Given: a server that runs one heavy request at a time and queues none (and takes long runs)
        await using var limited = await LimitedServer.StartAsync(server, new()
        {
            ["Khanij:HeavyConcurrency"] = "1", ["Khanij:HeavyQueue"] = "0", ["Khanij:MaxSimulationWork"] = "1000000000",
        });
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var scenario = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "scenarios", "china-rare-earth-licensing-2025.json"), Ct);

        // When: a long Monte Carlo run, and small runs sent while it lasts (whichever reaches the one slot first runs; the other is refused)
        var longRun = http.PostAsync(limited.BaseUrl + "/api/simulate?runs=1000000", Json(scenario), Ct);
        var responses = new List<HttpResponseMessage>();
        while (!longRun.IsCompleted)
        {
            var small = await http.PostAsync(limited.BaseUrl + "/api/simulate?runs=1", Json(scenario), Ct);
            responses.Add(small);
            if (small.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                break;
            }
        }
        responses.Add(await longRun);
        var afterwards = await http.PostAsync(limited.BaseUrl + "/api/simulate?runs=1", Json(scenario), Ct);

        // Then: one of two requests at once was refused with Retry-After and a problem saying why; nothing failed; the slot frees again
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        refused.ShouldNotBeEmpty("a second heavy request while the first ran should have been refused");
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK || r.StatusCode == HttpStatusCode.ServiceUnavailable);
        responses.ShouldContain(r => r.StatusCode == HttpStatusCode.OK);
        refused[0].Headers.RetryAfter.ShouldNotBeNull();
        refused[0].Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThan(0);
        var problem = await refused[0].Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("status").GetInt32().ShouldBe(503);
        problem.GetProperty("detail").GetString()!.ShouldContain("Try again");
        afterwards.StatusCode.ShouldBe(HttpStatusCode.OK, await afterwards.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Simulation_OverTheWorkLimit_IsRefusedBeforeItRuns_AndTheLargestCountItNamesRuns()
    {
        // Given: a server that takes at most 300 000 run-outputs per simulation
        await using var limited = await LimitedServer.StartAsync(server, new() { ["Khanij:MaxSimulationWork"] = "300000" });
        using var http = new HttpClient();
        var scenario = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "scenarios", "drc-cobalt-suspension-2025.json"), Ct);

        // When
        var tooMany = await http.PostAsync(limited.BaseUrl + "/api/simulate?runs=1000000", Json(scenario), Ct);
        var detail = (await tooMany.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString()!;
        var most = MostRunsIn(detail);
        var atTheLimit = await http.PostAsync($"{limited.BaseUrl}/api/simulate?runs={most}", Json(scenario), Ct);
        var overTheLimit = await http.PostAsync($"{limited.BaseUrl}/api/simulate?runs={most + 1}", Json(scenario), Ct);

        // Then: the refusal names runs, says nothing ran, and the count it names is exactly the boundary
        tooMany.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        detail.ShouldContain("'runs'");
        detail.ShouldContain("Nothing was run");
        most.ShouldBeInRange(1, 300_000);
        atTheLimit.StatusCode.ShouldBe(HttpStatusCode.OK, await atTheLimit.Content.ReadAsStringAsync(Ct));
        overTheLimit.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task FourMaximalSimulations_KeepTheServerUnder1GB_AndItsMemoryReturns()
    {
        // Given: a real `khanij serve` process on a copy of the imported store, and a 40-shock scenario
        await using var serve = await ServeProcess.StartAsync(server.CliDbPath);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        var scenario = FortyShocks();
        var probe = await http.PostAsync(serve.BaseUrl + "/api/simulate?runs=1000000", Json(scenario), Ct);
        var probeDetail = (await probe.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString()!;
        var most = MostRunsIn(probeDetail);
        // A warm-up run, so the start size includes what any simulation loads once (networks, JIT), not only an idle server.
        (await http.PostAsync(serve.BaseUrl + "/api/simulate?runs=1", Json(scenario), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var startMb = serve.ResidentMb("VmRSS");

        // When: four of the largest simulations the server takes, at once
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            http.PostAsync($"{serve.BaseUrl}/api/simulate?runs={most}", Json(scenario), Ct)));
        var peakMb = serve.ResidentMb("VmHWM");
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        var endMb = serve.ResidentMb("VmRSS");

        // Then: each was run or refused as busy (never failed), the peak stayed under 1 GB, and the memory came back near the start
        probe.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        responses.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.ServiceUnavailable);
        responses.ShouldContain(r => r.StatusCode == HttpStatusCode.OK);
        peakMb.ShouldBeLessThan(1024, $"peak resident memory {peakMb:0} MB (start {startMb:0} MB)");
        endMb.ShouldBeLessThan(startMb + 150, $"resident memory after the runs {endMb:0} MB, before {startMb:0} MB, peak {peakMb:0} MB");
    }

    private static List<string> PartnerBases(JsonElement rows, string iso3) =>
        [.. rows.EnumerateArray().First().GetProperty("partners").GetProperty("partners").EnumerateArray()
            .Where(p => p.GetProperty("iso3").GetString() == iso3)
            .SelectMany(p => p.GetProperty("bases").EnumerateArray().Select(b => b.GetString()!))];

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    /// <summary>Forty cuts over four minerals and ten producing countries, each with uncertain depth and length.</summary>
    private static string FortyShocks()
    {
        string[] countries = ["CHN", "COD", "IDN", "AUS", "CHL", "ARG", "PHL", "RUS", "ZAF", "BRA"];
        string[] minerals = ["cobalt", "nickel", "lithium", "rare_earths"];
        var shocks = from c in countries
                     from m in minerals
                     select new
                     {
                         name = $"{c}-{m}", kind = "cut", country = c, minerals = new[] { m }, stage = "mining",
                         fraction = new { dist = "uniform", min = 0.1, max = 0.6 },
                         duration_months = new { dist = "triangular", min = 3, mode = 6, max = 12 },
                         start_month = 0, probability = 0.5,
                     };
        return JsonSerializer.Serialize(new { name = "forty shocks", perspective = "IND", seed = 17, shocks = shocks.ToList() });
    }

    /// <summary>The largest run count a work-limit refusal names ("… so at most 208,333 runs of this scenario").</summary>
    private static long MostRunsIn(string detail)
    {
        MostRuns().IsMatch(detail).ShouldBeTrue(detail);
        return long.Parse(MostRuns().Match(detail).Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"at most ([\d,]+) runs")]
    private static partial Regex MostRuns();

    /// <summary>A second in-process server on a copy of the fixture's store, with configuration overrides (limits under test).</summary>
    private sealed class LimitedServer : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly string _home;

        private LimitedServer(WebApplication app, string home, string baseUrl)
        {
            _app = app;
            _home = home;
            BaseUrl = baseUrl;
        }

        public string BaseUrl { get; }

        public static async Task<LimitedServer> StartAsync(DashboardServer fixture, Dictionary<string, string> settings)
        {
            var home = Path.Combine(Path.GetTempPath(), "khanij-limits-" + Guid.NewGuid().ToString("N")[..8]);
            var db = StoreFiles.Copy(fixture.CliDbPath, Path.Combine(home, "khanij.duckdb"));
            var (app, url) = await DashboardServer.StartHostAsync(db, settings);
            await app.WarmUpAsync(Ct);
            return new LimitedServer(app, home, url);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
            Directory.Delete(_home, recursive: true);
        }
    }

    /// <summary><c>khanij serve</c> as its own process on a copy of a store, on a free loopback port.</summary>
    private sealed partial class ServeProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _home;

        private ServeProcess(Process process, string home, string baseUrl)
        {
            _process = process;
            _home = home;
            BaseUrl = baseUrl;
        }

        public string BaseUrl { get; }

        /// <summary>A line of <c>/proc/PID/status</c> in MB: VmRSS (resident now) or VmHWM (peak resident).</summary>
        public double ResidentMb(string field)
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }

        public static async Task<ServeProcess> StartAsync(string sourceDb)
        {
            var home = Path.Combine(Path.GetTempPath(), "khanij-serve-" + Guid.NewGuid().ToString("N")[..8]);
            var db = StoreFiles.Copy(sourceDb, Path.Combine(home, "khanij.duckdb"));
            var cliDll = DashboardServer.CliDll;
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { cliDll, "serve", "--urls", "http://127.0.0.1:0", "--db", db })
            {
                start.ArgumentList.Add(a);
            }
            var process = Process.Start(start)!;
            _ = process.StandardError.ReadToEndAsync(Ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(3));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (Dashboard().Match(line) is { Success: true } m)
                {
                    _ = process.StandardOutput.ReadToEndAsync(Ct);
                    return new ServeProcess(process, home, m.Groups[1].Value);
                }
            }
            throw new InvalidOperationException($"khanij serve ended without saying where it listens (exit {process.ExitCode}).");
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
            _process.Dispose();
            Directory.Delete(_home, recursive: true);
        }

        [GeneratedRegex(@"Khanij dashboard: (http://\S+?)/?$")]
        private static partial Regex Dashboard();
    }
}
