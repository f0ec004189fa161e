using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace Khanij.Web.Tests;

/// <summary>Issue 17, findings 3 and 4: what a web page elsewhere can do to the local server (nothing), against the real Kestrel server.
/// Records these tests add name Norway and Chile only, so India's risk and brief (compared with the CLI elsewhere) do not change.</summary>
public sealed class BrowserSafetyTests(DashboardServer server)
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    /// <summary>A registry file with one record, as a curator would write it.</summary>
    internal static string RecordFile(string id, string title, string review = "accepted") => JsonSerializer.Serialize(new
    {
        records = new[]
        {
            new
            {
                id, kind = "partnership", title, parties = new[] { "NOR", "CHL" }, instrument = "mou", status = "signed", date = "2025-03-04",
                minerals = new[] { "lithium" }, review,
                sources = new[] { new { document = "test fixture", url = "https://example.org/fixture", published = "2025-03-04" } },
            },
        },
    });

    internal static async Task ImportAsync(HttpClient http, string baseUrl, string file)
    {
        var response = await http.PostAsync(baseUrl + "/api/partners/import", new StringContent(file, Encoding.UTF8, "application/json"), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/partners.html")]
    [InlineData("/api/minerals")]
    [InlineData("/api/no-such-route")]
    public async Task AnyResponse_HasStrictContentSecurityPolicyAndNoFraming(string path)
    {
        // Given
        using var http = new HttpClient();

        // When
        var response = await http.GetAsync(server.BaseUrl + path, Ct);

        // Then
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        csp.ShouldContain("script-src 'self'");
        csp.ShouldContain("style-src 'self'");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldNotContain("unsafe-eval");
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
    }

    [Fact]
    public async Task ApiReference_InlineScriptOnlyWithAFreshNonce()
    {
        // Given
        using var http = new HttpClient();

        // When
        var first = await http.GetAsync(server.BaseUrl + "/api-reference/", Ct);
        var second = await http.GetAsync(server.BaseUrl + "/api-reference/", Ct);

        // Then
        var policies = new[] { first, second }.Select(r => string.Join(" ", r.Headers.GetValues("Content-Security-Policy"))).ToList();
        var nonces = policies.Select(p => System.Text.RegularExpressions.Regex.Match(p, "script-src 'self' 'nonce-([^']+)';").Groups[1].Value).ToList();
        nonces.ShouldAllBe(n => n.Length >= 16);
        nonces[0].ShouldNotBe(nonces[1]);
        (await first.Content.ReadAsStringAsync(Ct)).ShouldContain($"nonce=\"{nonces[0]}\"");
        policies.ShouldAllBe(p => p.Contains("frame-ancestors 'none'") && !p.Contains("script-src 'self' 'unsafe-inline'"));
    }

    [Fact]
    public async Task Request_ForeignHostName_Returns400AndServesNothing()
    {
        // Given: DNS rebinding points attacker.example at 127.0.0.1, but the browser still names attacker.example
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, server.BaseUrl + "/api/partners/records");
        request.Headers.Host = "attacker.example";

        // When
        var response = await http.SendAsync(request, Ct);

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync(Ct);
        body.ShouldContain("attacker.example");
        body.ShouldNotContain("\"records\"");
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task Request_LoopbackHostName_IsServed(string host)
    {
        // Given
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, server.BaseUrl + "/api/minerals");
        request.Headers.Host = $"{host}:{new Uri(server.BaseUrl).Port}";

        // When
        var response = await http.SendAsync(request, Ct);

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AllowedHostsConfigured_ServesThatNameAndNoLongerLoopbackNames()
    {
        // Given
        await using var factory = new KhanijWebFactory().WithWebHostBuilder(b => b.UseSetting("Khanij:AllowedHosts", "khanij.lan; other.lan"));
        var client = factory.CreateClient();

        // When
        using var named = new HttpRequestMessage(HttpMethod.Get, "/api/frameworks");
        named.Headers.Host = "khanij.lan";
        var namedResponse = await client.SendAsync(named, Ct);
        using var loopback = new HttpRequestMessage(HttpMethod.Get, "/api/frameworks");
        loopback.Headers.Host = "localhost";
        var loopbackResponse = await client.SendAsync(loopback, Ct);

        // Then
        namedResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        loopbackResponse.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("http://attacker.example")]
    [InlineData("null")]
    [InlineData("http://127.0.0.1:1")]
    public async Task Accept_FromForeignOrigin_Returns403AndChangesNothing(string origin)
    {
        // Given: a proposed record, and a page on another origin posting to the accept route (finding 4's reproducer)
        using var http = new HttpClient();
        var id = "sec-origin-" + Guid.NewGuid().ToString("N")[..8];
        await ImportAsync(http, server.BaseUrl, RecordFile(id, "Origin check fixture", review: "proposed"));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{server.BaseUrl}/api/partners/records/{id}/accept?by=Prime%20Minister");
        request.Headers.Add("Origin", origin);

        // When
        var response = await http.SendAsync(request, Ct);

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("refused");
        var record = await http.GetFromJsonAsync<JsonElement>($"{server.BaseUrl}/api/partners/records/{id}", Ct);
        record.GetProperty("record").GetProperty("review").GetString().ShouldBe("proposed");
    }

    [Fact]
    public async Task Post_CrossSiteFetchWithoutOrigin_Returns403()
    {
        // Given
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, server.BaseUrl + "/api/partners/import")
        {
            Content = new StringContent(RecordFile("sec-site-" + Guid.NewGuid().ToString("N")[..8], "Sec-Fetch-Site fixture"), Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        // When
        var response = await http.SendAsync(request, Ct);

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Accept_SameOriginWithByParameter_AuditNamesTheLocalUserNotTheParameter()
    {
        // Given
        using var http = new HttpClient();
        var id = "sec-actor-" + Guid.NewGuid().ToString("N")[..8];
        await ImportAsync(http, server.BaseUrl, RecordFile(id, "Audit actor fixture", review: "proposed"));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{server.BaseUrl}/api/partners/records/{id}/accept?by=Prime%20Minister");
        request.Headers.Add("Origin", server.BaseUrl);

        // When
        var response = await http.SendAsync(request, Ct);

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var detail = await http.GetFromJsonAsync<JsonElement>($"{server.BaseUrl}/api/partners/records/{id}", Ct);
        detail.GetProperty("record").GetProperty("review").GetString().ShouldBe("accepted");
        var audit = detail.GetProperty("audit").EnumerateArray().ToList();
        audit.Select(a => a.GetProperty("who").GetString()).ShouldAllBe(who => who == Environment.UserName + " (web)");
        audit.Last().GetProperty("action").GetString().ShouldBe("accepted");
        detail.ToString().ShouldNotContain("Prime Minister");
    }

    [Fact]
    public async Task PartnersTimeline_RecordTitleWithScript_ShowsTheTitleAsTextAndRunsNothing()
    {
        // Given: finding 3's planted record, accepted, on Norway's timeline
        using var http = new HttpClient();
        var id = "sec-xss-" + Guid.NewGuid().ToString("N")[..8];
        const string Title = "Planted <img src=x onerror=\"document.title='XSS-TITLE'\">";
        await ImportAsync(http, server.BaseUrl, RecordFile(id, Title));
        await using var page = await DashboardPage.OpenAsync(server, "/partners.html?country=NOR");

        // When: the tooltip of every timeline point is shown, as hovering does
        var points = await page.Page.EvaluateAsync<int>("""
            () => {
              const c = echarts.getInstanceByDom(document.getElementById('timeline-chart'));
              const n = c.getOption().series[0].data.length;
              for (let i = 0; i < n; i++) c.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: i });
              return n;
            }
            """);
        await page.Page.WaitForTimeoutAsync(500);

        // Then
        points.ShouldBeGreaterThan(0);
        (await page.Page.TitleAsync()).ShouldNotBe("XSS-TITLE");
        (await page.Page.Locator("img").CountAsync()).ShouldBe(0);
        var titles = await page.Page.EvaluateAsync<string[]>(
            "() => echarts.getInstanceByDom(document.getElementById('timeline-chart')).getOption().series[0].data.map(d => d.title)");
        titles.ShouldContain(Title);
        page.Problems.ShouldBeEmpty();
    }
}

/// <summary>Issue 17, findings 7 and 10 through the API: unreadable bodies are 400 problems that say where, never 500.</summary>
public sealed class BadBodyTests(KhanijWebFactory factory) : IClassFixture<KhanijWebFactory>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ingest_MalformedJson_Returns400ProblemNamingThePosition()
    {
        // Given
        var client = factory.CreateClient();

        // When
        var response = await client.PostAsync("/api/ingest/extract",
            new StringContent("{\"name\": \"a.txt\",\n \"text\": \"unterminated}", Encoding.UTF8, "application/json"), Ct);

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("detail").GetString()!.ShouldContain("not valid JSON: line 2");
        problem.GetProperty("line").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task ImportRecords_InvalidUtf8InAString_Returns400WithLineAndColumn()
    {
        // Given: finding 7's reproducer, a registry file with a 0xFF byte inside the title
        var client = factory.CreateClient();
        var bytes = Encoding.UTF8.GetBytes(BrowserSafetyTests.RecordFile("utf8-bad", "Bad byte here"));
        var at = bytes.AsSpan().IndexOf("byte here"u8);
        bytes[at] = 0xFF;
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        // When
        var response = await client.PostAsync("/api/partners/import", content, Ct);

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("detail").GetString()!.ShouldStartWith($"request body:1:{at + 1}: not valid UTF-8");
    }
}
