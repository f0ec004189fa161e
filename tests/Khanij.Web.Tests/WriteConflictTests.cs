using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Khanij.Web.Tests;

/// <summary>Issue 17, finding 5: concurrent writers of one record get an answer (200, or 409 with the reason), never a 500, and the
/// registry stays whole. Against the real Kestrel server, ten requests at once.</summary>
public sealed class WriteConflictTests(DashboardServer server)
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task TenParallelImports_OneId_OneSucceedsOthersGet409NamingTheId()
    {
        // Given
        using var http = new HttpClient();
        var id = "conflict-import-" + Guid.NewGuid().ToString("N")[..8];
        var file = BrowserSafetyTests.RecordFile(id, "Parallel import fixture");

        // When
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            http.PostAsync(server.BaseUrl + "/api/partners/import", new StringContent(file, Encoding.UTF8, "application/json"), Ct)));

        // Then
        var statuses = responses.Select(r => r.StatusCode).ToList();
        statuses.ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.Conflict, string.Join(", ", statuses));
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(1);
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            var problem = await conflict.Content.ReadFromJsonAsync<JsonElement>(Ct);
            problem.GetProperty("status").GetInt32().ShouldBe(409);
            problem.GetProperty("detail").GetString()!.ShouldContain(id);
        }
        var records = await http.GetFromJsonAsync<JsonElement>(server.BaseUrl + "/api/partners/records", Ct);
        records.EnumerateArray().Count(r => r.GetProperty("id").GetString() == id).ShouldBe(1);
    }

    [Fact]
    public async Task TenParallelAccepts_OneRecord_AllAnsweredAndAuditedOnce()
    {
        // Given
        using var http = new HttpClient();
        var id = "conflict-accept-" + Guid.NewGuid().ToString("N")[..8];
        await BrowserSafetyTests.ImportAsync(http, server.BaseUrl, BrowserSafetyTests.RecordFile(id, "Parallel accept fixture", review: "proposed"));

        // When
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            http.PostAsync($"{server.BaseUrl}/api/partners/records/{id}/accept", null, Ct)));

        // Then
        var statuses = responses.Select(r => r.StatusCode).ToList();
        statuses.ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.Conflict, string.Join(", ", statuses));
        statuses.ShouldContain(HttpStatusCode.OK);
        var detail = await http.GetFromJsonAsync<JsonElement>($"{server.BaseUrl}/api/partners/records/{id}", Ct);
        detail.GetProperty("record").GetProperty("review").GetString().ShouldBe("accepted");
        detail.GetProperty("audit").EnumerateArray().Count(a => a.GetProperty("action").GetString() == "accepted").ShouldBe(1);
    }
}
