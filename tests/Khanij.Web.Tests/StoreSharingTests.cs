using System.Net;
using System.Text.Json;
using Khanij.Testing;

namespace Khanij.Web.Tests;

/// <summary>Issue 13, "readers never wait": while a real <c>khanij serve</c> holds a DuckDB store, reading <c>khanij</c> commands run on
/// the same file and see what the server wrote, and a writing command is refused plainly (exit 1, what to do), never exit 2.</summary>
[Collection(ServerHeavyCollection.Name)]
public sealed class StoreSharingTests(DashboardServer server)
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Risk_WhileServeHoldsTheStore_RunsAndMatchesTheSameStoreUnserved()
    {
        // Given: two copies of one store; one is served
        var home = NewHome();
        try
        {
            var served = StoreFiles.Copy(server.CliDbPath, Path.Combine(home, "served", "khanij.duckdb"));
            var alone = StoreFiles.Copy(server.CliDbPath, Path.Combine(home, "alone", "khanij.duckdb"));
            await using var serve = await KhanijProcesses.ServeAsync(["--db", served]);

            // When
            var whileServed = await KhanijProcesses.RunAsync(["risk", "--mineral", "lithium", "--json", "--db", served]);
            var unserved = await KhanijProcesses.RunAsync(["risk", "--mineral", "lithium", "--json", "--db", alone]);

            // Then: the read ran (exit 0) and gave what the same store gives with no server holding it
            whileServed.Exit.ShouldBe(0, whileServed.Stderr);
            unserved.Exit.ShouldBe(0, unserved.Stderr);
            whileServed.Stdout.ShouldBe(unserved.Stdout);
            JsonDocument.Parse(whileServed.Stdout).RootElement.GetArrayLength().ShouldBeGreaterThan(0);
        }
        finally
        {
            Delete(home);
        }
    }

    [Fact]
    public async Task ServerWrite_IsSeenByTheNextCliRead_AndACliWriteIsRefusedWithExit1()
    {
        // Given: a served store copy
        var home = NewHome();
        try
        {
            var db = StoreFiles.Copy(server.CliDbPath, Path.Combine(home, "khanij.duckdb"));
            await using var serve = await KhanijProcesses.ServeAsync(["--db", db]);
            using var http = new HttpClient();
            var id = "sharing-" + Guid.NewGuid().ToString("N")[..8];

            // When: the server writes a proposed record, the CLI reads it, then the CLI tries to accept it
            await BrowserSafetyTests.ImportAsync(http, serve.BaseUrl, BrowserSafetyTests.RecordFile(id, "Store sharing fixture", review: "proposed"));
            var shown = await KhanijProcesses.RunAsync(["partners", "show", id, "--json", "--db", db]);
            var accept = await KhanijProcesses.RunAsync(["partners", "review", "--accept", id, "--db", db]);

            // Then
            shown.Exit.ShouldBe(0, shown.Stderr);
            JsonDocument.Parse(shown.Stdout).RootElement.GetProperty("record").GetProperty("review").GetString().ShouldBe("proposed");
            accept.Exit.ShouldBe(1, accept.Stderr);
            accept.Stderr.ShouldNotContain("unexpected failure");
            accept.Stderr.ShouldContain(db);
            accept.Stderr.ShouldContain("khanij serve");
            accept.Stderr.ShouldContain("through the running server");

            // And the server still writes after the refused CLI write, and the CLI sees that write too
            using var response = await http.PostAsync($"{serve.BaseUrl}/api/partners/records/{id}/accept", null, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
            var after = await KhanijProcesses.RunAsync(["partners", "show", id, "--json", "--db", db]);
            after.Exit.ShouldBe(0, after.Stderr);
            JsonDocument.Parse(after.Stdout).RootElement.GetProperty("record").GetProperty("review").GetString().ShouldBe("accepted");
        }
        finally
        {
            Delete(home);
        }
    }

    private static string NewHome() => Path.Combine(Path.GetTempPath(), "khanij-sharing-" + Guid.NewGuid().ToString("N")[..8]);

    private static void Delete(string home)
    {
        try
        {
            Directory.Delete(home, recursive: true);
        }
        catch (IOException)
        {
            // a stopped server's file may still be closing; a temp directory left behind is harmless
        }
    }
}
