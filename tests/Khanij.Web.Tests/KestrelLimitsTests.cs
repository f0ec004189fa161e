using System.Net;

namespace Khanij.Web.Tests;

/// <summary>Limits that only the real server enforces (the in-memory test server has no Kestrel limits).</summary>
public sealed class KestrelLimitsTests(DashboardServer server)
{
    [Fact]
    public async Task Post_BodyOverLimit_Returns413AndRunsNothing()
    {
        // Given
        using var http = new HttpClient();
        var body = "{\"name\": \"" + new string('x', 600 * 1024) + "\", \"shocks\": []}";

        // When
        var response = await http.PostAsync(server.BaseUrl + "/api/simulate", new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }
}
