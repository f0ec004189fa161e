using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Khanij.Web.Tests;

/// <summary>The API's risk numbers are the CLI's: the real <c>khanij</c> binary is run on a copy of the server's store (taken after the
/// curated registry import) and its <c>--json</c> compared field by field with the API's answer. The perspective is Japan because the
/// ingestion test accepts a new India–Argentina partnership on the server while these run, which rightly changes India's partner-aware
/// numbers on the server but not in the copy.</summary>
public sealed class CliParityTests(DashboardServer server)
{
    [Fact]
    public async Task Risk_RareEarths_SameRowsAsKhanijRiskJson()
    {
        // Given
        var cli = await RunCliAsync(["risk", "--mineral", "rare_earths", "--country", "JPN", "--json"]);
        using var http = new HttpClient();

        // When
        var api = await http.GetFromJsonAsync<JsonElement>(server.BaseUrl + "/api/risk?mineral=rare_earths&country=JPN",
            TestContext.Current.CancellationToken);

        // Then
        cli.GetArrayLength().ShouldBeGreaterThan(2);
        JsonElement.DeepEquals(cli, api).ShouldBeTrue($"CLI:\n{Head(cli)}\nAPI:\n{Head(api)}");
    }

    [Fact]
    public async Task Brief_Japan2024_SameRankingAsKhanijBriefJson()
    {
        // Given
        var outDir = Path.Combine(server.Home, "brief");
        var cli = await RunCliAsync(["brief", "--country", "JPN", "--year", "2024", "--json", "--out", outDir]);
        using var http = new HttpClient();

        // When
        var api = await http.GetFromJsonAsync<JsonElement>(server.BaseUrl + "/api/brief?country=JPN&year=2024", TestContext.Current.CancellationToken);

        // Then
        var rows = api.GetProperty("rows");
        JsonElement.DeepEquals(cli, rows).ShouldBeTrue($"CLI:\n{Head(cli)}\nAPI:\n{Head(rows)}");
        api.GetProperty("matrix").GetArrayLength().ShouldBeGreaterThan(0);
    }

    private static string Head(JsonElement e) => e.ToString()[..Math.Min(600, e.ToString().Length)];

    private async Task<JsonElement> RunCliAsync(IReadOnlyList<string> args)
    {
        var cliDll = Path.Combine(AppContext.BaseDirectory.Replace("Khanij.Web.Tests", "Khanij.Cli", StringComparison.Ordinal), "khanij.dll");
        File.Exists(cliDll).ShouldBeTrue($"the CLI was not built at {cliDll}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(cliDll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        start.ArgumentList.Add("--db");
        start.ArgumentList.Add(server.CliDbPath);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        process.ExitCode.ShouldBe(0, await stderr);
        return JsonDocument.Parse(await stdout).RootElement.Clone();
    }
}
