using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Khanij.Data;
using Khanij.Data.Accounts;
using Khanij.Testing;
using Microsoft.AspNetCore.Builder;

namespace Khanij.Web.Tests;

/// <summary>A shared deployment for the role tests: a throwaway PostgreSQL cluster, one database with the data pack imported, three
/// accounts (viewer, analyst, admin) with API tokens, and the web host in this process on it. Skips where PostgreSQL is not installed.</summary>
public sealed class SharedDeployment : IAsyncLifetime
{
    public const string Password = "correct horse battery";

    private WebApplication? _app;

    public PostgresCluster? Cluster { get; private set; }

    public string Uri { get; private set; } = "";

    public string BaseUrl { get; private set; } = "";

    public Dictionary<Role, string> Tokens { get; } = [];

    public string? SkipReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (PostgresCluster.BinDirectory is null)
        {
            SkipReason = "PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb); run .ci/install-deps.";
            return;
        }
        Cluster = await PostgresCluster.StartAsync();
        Uri = await Cluster.CreateDatabaseAsync("roles");
        await using (var store = await KhanijStore.OpenAsync(Uri, RepoPaths.Data, null, TestContext.Current.CancellationToken))
        {
            await using var connection = await store.OpenConnectionAsync(TestContext.Current.CancellationToken);
            var accounts = await AccountStore.OpenAsync(connection, null, TestContext.Current.CancellationToken);
            foreach (var role in Enum.GetValues<Role>())
            {
                var name = AccountStore.RoleId(role) + "1";
                await accounts.AddAsync(name, role, Password, "test setup", TestContext.Current.CancellationToken);
                Tokens[role] = await accounts.CreateTokenAsync(name, "role tests", TimeSpan.FromDays(1), "test setup", TestContext.Current.CancellationToken);
            }
        }
        (_app, BaseUrl) = await DashboardServer.StartHostAsync(Uri, new Dictionary<string, string>
        {
            ["Khanij:SecureCookies"] = "false",
            ["Khanij:SignInsPerMinute"] = "12",
        });
    }

    public void RequirePostgres() => Assert.SkipWhen(SkipReason is not null, SkipReason ?? "");

    /// <summary>A client sending <paramref name="role"/>'s bearer token (none for null).</summary>
    public HttpClient Client(Role? role)
    {
        var http = new HttpClient { BaseAddress = new System.Uri(BaseUrl) };
        if (role is { } r)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens[r]);
        }
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}

/// <summary>Issue 13: sign-in, roles and the audit log on a shared PostgreSQL deployment.</summary>
[Collection(ServerHeavyCollection.Name)]
public sealed class RolesTests(SharedDeployment deployment) : IClassFixture<SharedDeployment>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    /// <summary>The role each API route needs, written here from the issue's rules (viewer reads; analyst runs scenarios, ingests and
    /// proposes; admin accepts/rejects, imports and reads the audit log). null: anyone. Every route of the OpenAPI document must be listed.</summary>
    private static readonly Dictionary<string, Role?> Expected = new(StringComparer.Ordinal)
    {
        ["POST /api/auth/signin"] = null,
        ["POST /api/auth/signout"] = Role.Viewer,
        ["GET /api/auth/me"] = Role.Viewer,
        ["GET /api/audit"] = Role.Admin,
        ["POST /api/simulate"] = Role.Analyst,
        ["POST /api/ingest/extract"] = Role.Analyst,
        ["POST /api/ingest"] = Role.Analyst,
        ["POST /api/partners/records/{id}/accept"] = Role.Admin,
        ["POST /api/partners/records/{id}/reject"] = Role.Admin,
        ["POST /api/partners/import"] = Role.Admin,
    };

    [Fact]
    public async Task EveryRoute_EveryRole_GetsTheStatusTheRoleMatrixSays()
    {
        // Given: the routes of the server's own OpenAPI document
        deployment.RequirePostgres();
        using var admin = deployment.Client(Role.Admin);
        var document = await admin.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var routes = new List<(string Method, string Path)>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            routes.AddRange(path.Value.EnumerateObject().Select(m => (m.Name.ToUpperInvariant(), path.Name)));
        }
        routes.Count.ShouldBeGreaterThan(25);
        var missing = routes.Where(r => r.Method != "GET" && !Expected.ContainsKey($"{r.Method} {r.Path}")).ToList();
        missing.ShouldBeEmpty("routes without an entry in the role matrix: " + string.Join(", ", missing));

        // When / Then
        var failures = new List<string>();
        foreach (var (method, path) in routes)
        {
            var key = $"{method} {path}";
            var needed = Expected.TryGetValue(key, out var listed) ? listed : Role.Viewer;
            foreach (var caller in new Role?[] { null, Role.Viewer, Role.Analyst, Role.Admin })
            {
                using var http = deployment.Client(caller);
                using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", "no-such-record").Replace("{code}", "IND"));
                if (method == "POST")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }
                using var response = await http.SendAsync(request, Ct);
                var status = response.StatusCode;
                var expected = needed is null ? "any but 401/403"
                    : caller is null ? "401"
                    : caller < needed ? "403"
                    : "any but 401/403";
                var ok = expected switch
                {
                    "401" => status == HttpStatusCode.Unauthorized,
                    "403" => status == HttpStatusCode.Forbidden,
                    _ => status is not HttpStatusCode.Unauthorized and not HttpStatusCode.Forbidden && (int)status < 500,
                };
                if (!ok)
                {
                    failures.Add($"{key} as {(caller is null ? "anonymous" : AccountStore.RoleId(caller.Value))}: {(int)status}, expected {expected}");
                }
            }
        }
        failures.ShouldBeEmpty(string.Join("\n", failures));
    }

    [Fact]
    public async Task CookieSignIn_ViewerAcceptIs403_AdminAcceptNeedsTheAntiForgeryTokenAndIsAudited()
    {
        // Given: a proposed record, and a viewer and an admin signed in with cookies
        deployment.RequirePostgres();
        var id = "roles-" + Guid.NewGuid().ToString("N")[..8];
        using (var importer = deployment.Client(Role.Admin))
        {
            await BrowserSafetyTests.ImportAsync(importer, deployment.BaseUrl, BrowserSafetyTests.RecordFile(id, "Role test fixture", review: "proposed"));
        }
        var (viewer, _) = await SignInAsync("viewer1");
        var (admin, adminXsrf) = await SignInAsync("admin1");

        // When
        using var viewerAccept = await viewer.PostAsync($"/api/partners/records/{id}/accept", null, Ct);
        using var adminWithoutToken = await admin.PostAsync($"/api/partners/records/{id}/accept", null, Ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/partners/records/{id}/accept");
        request.Headers.Add("X-XSRF-TOKEN", adminXsrf);
        using var adminAccept = await admin.SendAsync(request, Ct);

        // Then
        viewerAccept.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        adminWithoutToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        adminAccept.StatusCode.ShouldBe(HttpStatusCode.OK, await adminAccept.Content.ReadAsStringAsync(Ct));
        using var auditor = deployment.Client(Role.Admin);
        var audit = await auditor.GetFromJsonAsync<JsonElement>("/api/audit?user=admin1", Ct);
        var accepted = audit.EnumerateArray().Where(e => e.GetProperty("target").GetString() == id && e.GetProperty("action").GetString() == "registry.accepted")
            .ToList();
        accepted.Count.ShouldBe(1);
        accepted[0].GetProperty("actor").GetString().ShouldBe("admin1");
        accepted[0].GetProperty("before").GetString()!.ShouldContain("proposed");
        accepted[0].GetProperty("after").GetString()!.ShouldContain("accepted");
        // the viewer's refused attempt changed nothing: one decision only
        audit.EnumerateArray().Count(e => e.GetProperty("target").GetString() == id && e.GetProperty("action").GetString()!.StartsWith("registry.accept",
            StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task WrongPassword_FiveTimes_LocksTheAccount_EvenTheRightPasswordThenFails_AndEachFailureIsAudited()
    {
        // Given: an account of its own
        deployment.RequirePostgres();
        var name = "lock" + Guid.NewGuid().ToString("N")[..6];
        await using (var store = await KhanijStore.OpenAsync(deployment.Uri, RepoPaths.Data, null, Ct))
        {
            await using var connection = await store.OpenConnectionAsync(Ct);
            await (await AccountStore.OpenAsync(connection, null, Ct)).AddAsync(name, Role.Viewer, SharedDeployment.Password, "test setup", Ct);
        }
        using var http = deployment.Client(null);

        // When
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < AccountStore.MaxFailedSignIns; i++)
        {
            using var wrong = await http.PostAsJsonAsync("/api/auth/signin", new { name, password = "not the password " + i }, Ct);
            statuses.Add(wrong.StatusCode);
        }
        using var right = await http.PostAsJsonAsync("/api/auth/signin", new { name, password = SharedDeployment.Password }, Ct);

        // Then (the fixture allows 12 attempts a minute per address; the other tests of the class use at most 7)
        statuses.ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        right.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await right.Content.ReadAsStringAsync(Ct)).ShouldContain("locked");
        using var auditor = deployment.Client(Role.Admin);
        var audit = await auditor.GetFromJsonAsync<JsonElement>($"/api/audit?user={name}", Ct);
        var actions = audit.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        actions.Count(a => a == "signin.failed").ShouldBe(AccountStore.MaxFailedSignIns);  // four wrong passwords + the refused right one
        actions.Count(a => a == "signin.lockout").ShouldBe(1);
        actions.ShouldNotContain("signin");
    }

    [Fact]
    public async Task TwoServeProcesses_OnePostgres_AWriteThroughOneIsReadThroughTheOther()
    {
        // Given: two real 'khanij serve' processes on the same database
        deployment.RequirePostgres();
        await using var first = await KhanijProcesses.ServeAsync(["--store", deployment.Uri]);
        await using var second = await KhanijProcesses.ServeAsync(["--store", deployment.Uri]);
        var id = "scale-" + Guid.NewGuid().ToString("N")[..8];
        // An IND–MNG copper partnership (Mongolia is in none of India's default frameworks, so accepting it moves India's copper figures)
        var file = JsonSerializer.Serialize(new
        {
            records = new[]
            {
                new
                {
                    id, kind = "partnership", title = "Scale-out fixture", parties = new[] { "IND", "MNG" }, instrument = "mou", status = "signed",
                    date = "2025-05-06", minerals = new[] { "copper" }, review = "proposed",
                    sources = new[] { new { document = "test fixture", url = "https://example.org/scale", published = "2025-05-06" } },
                },
            },
        });
        using var viaFirst = new HttpClient { BaseAddress = new System.Uri(first.BaseUrl) };
        viaFirst.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", deployment.Tokens[Role.Admin]);
        using var viaSecond = new HttpClient { BaseAddress = new System.Uri(second.BaseUrl) };
        viaSecond.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", deployment.Tokens[Role.Viewer]);
        var riskUrl = "/api/risk?country=IND&mineral=copper&stage=refining";
        var riskBefore = await viaSecond.GetStringAsync(riskUrl, Ct);
        using var cachedBefore = await viaSecond.GetAsync(riskUrl, Ct);  // the second server now answers from its output cache

        // When: a proposed IND–MNG copper partnership is imported and accepted through the first
        await BrowserSafetyTests.ImportAsync(viaFirst, first.BaseUrl, file);
        var proposed = await viaSecond.GetFromJsonAsync<JsonElement>($"/api/partners/records/{id}", Ct);
        using var accept = await viaFirst.PostAsync($"/api/partners/records/{id}/accept", null, Ct);

        // Then: the second server reads both writes at once (no cache of its own hides them)
        proposed.GetProperty("record").GetProperty("review").GetString().ShouldBe("proposed");
        accept.StatusCode.ShouldBe(HttpStatusCode.OK, await accept.Content.ReadAsStringAsync(Ct));
        var accepted = await viaSecond.GetFromJsonAsync<JsonElement>($"/api/partners/records/{id}", Ct);
        accepted.GetProperty("record").GetProperty("review").GetString().ShouldBe("accepted");
        using var afterResponse = await viaSecond.GetAsync(riskUrl, Ct);
        var riskAfter = await afterResponse.Content.ReadAsStringAsync(Ct);
        cachedBefore.Headers.Age.ShouldNotBeNull("a repeated read by a signed-in client should come from the server's cache");
        riskBefore.ShouldNotContain("\"MNG\"");
        afterResponse.Headers.Age.ShouldBeNull("after a decision made through the other server, the answer must be computed again");
        riskAfter.ShouldContain("\"MNG\"");
    }

    [Fact]
    public async Task Serve_PostgresStore_NeedsAnAdmin_AndDuckDbIsNotServedBeyondLoopback()
    {
        // Given
        deployment.RequirePostgres();
        var empty = await (await PostgresClusterOf()).CreateDatabaseAsync("noadmin");
        var home = Path.Combine(Path.GetTempPath(), "khanij-open-" + Guid.NewGuid().ToString("N")[..8]);

        // When
        var noAdmin = await KhanijProcesses.RunAsync(["serve", "--store", empty, "--urls", "http://127.0.0.1:0"]);
        var open = await KhanijProcesses.RunAsync(["serve", "--db", Path.Combine(home, "k.duckdb"), "--urls", "http://0.0.0.0:0"]);

        // Then
        noAdmin.Exit.ShouldBe(1, noAdmin.Stderr);
        noAdmin.Stderr.ShouldContain("no admin account");
        noAdmin.Stderr.ShouldNotContain((await PostgresClusterOf()).Password);
        open.Exit.ShouldBe(1, open.Stderr);
        open.Stderr.ShouldContain("not serving beyond loopback without sign-in");
    }

    [Fact]
    public async Task UsersAdd_ReadsThePasswordFromStdin_AndTheNewAccountSignsIn()
    {
        // Given
        deployment.RequirePostgres();
        var name = "cli" + Guid.NewGuid().ToString("N")[..6];

        // When
        var added = await KhanijProcesses.RunAsync(["users", "add", name, "--role", "analyst", "--store", deployment.Uri], stdin: SharedDeployment.Password + "\n");
        var weak = await KhanijProcesses.RunAsync(["users", "add", name + "x", "--role", "analyst", "--store", deployment.Uri], stdin: "short\n");
        using var http = deployment.Client(null);
        using var signIn = await http.PostAsJsonAsync("/api/auth/signin", new { name, password = SharedDeployment.Password }, Ct);

        // Then
        added.Exit.ShouldBe(0, added.Stderr);
        weak.Exit.ShouldBe(1, weak.Stderr);
        weak.Stderr.ShouldContain($"at least {AccountStore.MinPasswordLength}");
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK, await signIn.Content.ReadAsStringAsync(Ct));
        (await signIn.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("role").GetString().ShouldBe("analyst");
        var audit = await KhanijProcesses.RunAsync(["audit", "--json", "--store", deployment.Uri]);
        audit.Exit.ShouldBe(0, audit.Stderr);
        var entries = JsonDocument.Parse(audit.Stdout).RootElement.EnumerateArray().ToList();
        entries.ShouldContain(e => e.GetProperty("action").GetString() == "user.add" && e.GetProperty("target").GetString() == name
            && e.GetProperty("after").GetString() == "analyst");
    }

    private Task<PostgresCluster> PostgresClusterOf() => Task.FromResult(deployment.Cluster!);

    private async Task<(HttpClient Client, string Xsrf)> SignInAsync(string name)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new System.Uri(deployment.BaseUrl) };
        using var response = await http.PostAsJsonAsync("/api/auth/signin", new { name, password = SharedDeployment.Password }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var all = cookies.GetCookies(new System.Uri(deployment.BaseUrl));
        all[Auth.SignIn.CookieName].ShouldNotBeNull().HttpOnly.ShouldBeTrue();
        return (http, all[Auth.SignIn.XsrfCookie].ShouldNotBeNull().Value);
    }
}
