using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Khanij.Data;
using Khanij.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Khanij.Web.Tests;

/// <summary>The web host in memory, on the store the assembly's <see cref="DashboardServer"/> imported (same process, so DuckDB shares it):
/// importing the data pack once per test run keeps the suite fast.</summary>
public sealed class KhanijWebFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseSetting("Khanij:DbPath", DashboardServer.Current?.DbPath
                ?? throw new InvalidOperationException("The DashboardServer assembly fixture has not started."))
            .UseEnvironment("Production")
            .ConfigureLogging(logging => logging.ClearProviders());
}

/// <summary>Catalogue endpoints, error shapes and the OpenAPI document.</summary>
public sealed class ApiTests(KhanijWebFactory factory) : IClassFixture<KhanijWebFactory>
{
    private static readonly Core.Catalogue.KhanijCatalogue Catalogue = CatalogueLoader.Load(RepoPaths.Data);

    [Fact]
    public async Task ListMinerals_IndiaList_ReturnsExactlyTheIndiaListWithHindiNames()
    {
        // Given
        var client = factory.CreateClient();
        var expected = Catalogue.Minerals.Where(m => m.India2023).Select(m => m.Id).ToList();

        // When
        var minerals = await client.GetFromJsonAsync<JsonElement>("/api/minerals?list=india", TestContext.Current.CancellationToken);

        // Then
        minerals.EnumerateArray().Select(m => m.GetProperty("id").GetString()!).ToList().ShouldBe(expected);
        expected.Count.ShouldBe(30);
        minerals.EnumerateArray().ShouldAllBe(m => m.GetProperty("india2023").GetBoolean());
        var lithium = minerals.EnumerateArray().Single(m => m.GetProperty("id").GetString() == "lithium");
        lithium.GetProperty("name_hi").GetString().ShouldBe(Catalogue.MineralById("lithium")!.NamesHi[0]);
    }

    [Fact]
    public async Task ListMinerals_UnknownList_Returns400ProblemNamingTheField()
    {
        // Given
        var client = factory.CreateClient();

        // When
        var response = await client.GetAsync("/api/minerals?list=mars", TestContext.Current.CancellationToken);

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var message = problem.GetProperty("errors").GetProperty("list")[0].GetString()!;
        message.ShouldContain("'mars'");
        message.ShouldContain("india, eu, us");
    }

    [Theory]
    [InlineData("/api/minerals/लिथियम", "lithium")]
    [InlineData("/api/minerals/REE", "rare_earths")]
    [InlineData("/api/countries/जापान", "JPN")]
    [InlineData("/api/countries/ind", "IND")]
    public async Task GetOne_AnyKnownName_FindsTheRecord(string path, string expectedId)
    {
        // Given
        var client = factory.CreateClient();

        // When
        var record = await client.GetFromJsonAsync<JsonElement>(path, TestContext.Current.CancellationToken);

        // Then
        var id = record.TryGetProperty("iso3", out var iso3) ? iso3.GetString() : record.GetProperty("id").GetString();
        id.ShouldBe(expectedId);
    }

    [Theory]
    [InlineData("/api/minerals/unobtainium", "unobtainium")]
    [InlineData("/api/countries/Atlantis", "Atlantis")]
    [InlineData("/api/no-such-thing", null)]
    public async Task Get_Unknown_Returns404Problem(string path, string? mentioned)
    {
        // Given
        var client = factory.CreateClient();

        // When
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        problem.GetProperty("status").GetInt32().ShouldBe(404);
        if (mentioned is not null)
        {
            problem.GetProperty("detail").GetString()!.ShouldContain(mentioned);
        }
    }

    [Fact]
    public async Task SearchCountries_HindiText_FindsByHindiName()
    {
        // Given
        var client = factory.CreateClient();

        // When
        var rows = await client.GetFromJsonAsync<JsonElement>("/api/countries?search=" + Uri.EscapeDataString("कनाडा"),
            TestContext.Current.CancellationToken);

        // Then
        rows.EnumerateArray().Select(c => c.GetProperty("iso3").GetString()).ShouldContain("CAN");
    }

    [Fact]
    public async Task OpenApi_Document_DescribesEveryApiEndpointWithNameAndSummary()
    {
        // Given
        var client = factory.CreateClient();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("api/", StringComparison.Ordinal) == true
                || e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .ToList();

        // When
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);

        // Then
        endpoints.Count.ShouldBeGreaterThanOrEqualTo(5);
        var paths = document.GetProperty("paths");
        foreach (var endpoint in endpoints)
        {
            var path = "/" + endpoint.RoutePattern.RawText!.TrimStart('/').TrimEnd('/');
            path = System.Text.RegularExpressions.Regex.Replace(path, @"\{(\w+)(:[^}]*)?\}", "{$1}");
            paths.TryGetProperty(path, out var item).ShouldBeTrue($"{path} is not in /openapi/v1.json");
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                item.TryGetProperty(method.ToLowerInvariant(), out var operation).ShouldBeTrue($"{method} {path} is not described");
                operation.GetProperty("operationId").GetString().ShouldNotBeNullOrWhiteSpace();
                operation.GetProperty("summary").GetString().ShouldNotBeNullOrWhiteSpace($"{method} {path} has no summary");
            }
        }
    }

    [Fact]
    public async Task Dashboard_Root_ServesPageAndNpmLibraries()
    {
        // Given
        var client = factory.CreateClient();

        // When
        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        var echarts = await client.GetAsync("/lib/echarts.min.js", TestContext.Current.CancellationToken);
        var world = await client.GetAsync("/lib/countries-110m.json", TestContext.Current.CancellationToken);

        // Then
        html.ShouldContain("lib/echarts.min.js");
        echarts.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await echarts.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length.ShouldBeGreaterThan(500_000);
        world.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Simulate_BadFraction_Returns400NamingTheFieldWithLineAndColumn()
    {
        // Given
        var client = factory.CreateClient();
        const string scenario = """
            {
              "name": "bad",
              "shocks": [ { "kind": "cut", "country": "COD", "minerals": ["cobalt"], "stage": "mining", "fraction": 1.7, "duration_months": 6 } ]
            }
            """;

        // When
        var response = await client.PostAsync("/api/simulate", new StringContent(scenario, System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var errors = problem.GetProperty("errors");
        var field = errors.EnumerateObject().Single();
        field.Name.ShouldContain("fraction");
        field.Value[0].GetString()!.ShouldContain("line 3");
    }

    [Fact]
    public async Task Simulate_SameScenarioAndSeed_IsReproducible()
    {
        // Given
        var client = factory.CreateClient();
        const string scenario = """
            {"name": "repro", "perspective": "IND", "runs": 3000, "seed": 7, "shocks": [
              {"kind": "cut", "country": "COD", "minerals": ["cobalt"], "stage": "mining",
               "fraction": {"dist": "triangular", "min": 0.2, "mode": 0.5, "max": 0.9}, "duration_months": 6}]}
            """;

        // When
        async Task<JsonElement> RunAsync()
        {
            var response = await client.PostAsync("/api/simulate", new StringContent(scenario, System.Text.Encoding.UTF8, "application/json"),
                TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        }
        var first = await RunAsync();
        var second = await RunAsync();

        // Then
        var stage = first.GetProperty("report").GetProperty("minerals")[0].GetProperty("stages")[0];
        stage.GetProperty("world_shortfall_fraction").GetDouble().ShouldBeGreaterThan(0);
        JsonElement.DeepEquals(first.GetProperty("report").GetProperty("minerals"), second.GetProperty("report").GetProperty("minerals")).ShouldBeTrue();
        JsonElement.DeepEquals(first.GetProperty("histograms"), second.GetProperty("histograms")).ShouldBeTrue();
        first.GetProperty("histograms").EnumerateArray().ShouldAllBe(h => h.GetProperty("bins").EnumerateArray().Sum(b => b.GetProperty("count").GetInt32()) == 3000);
    }

    [Theory]
    [InlineData("""{"name": "", "text": "India and Japan signed an MoU."}""", "name")]
    [InlineData("""{"name": "a.txt", "text": "   "}""", "text")]
    public async Task Ingest_MissingField_Returns400NamingIt(string body, string field)
    {
        // Given
        var client = factory.CreateClient();

        // When
        var response = await client.PostAsync("/api/ingest/extract", new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
    }

    [Theory]
    [InlineData("/api/diversify?mineral=cobalt&stage=refining&cap=2", "cap")]
    [InlineData("/api/diversify?mineral=cobalt&stage=refining&max_change=-1", "max_change")]
    [InlineData("/api/diversify?mineral=cobalt&stage=smelting", "stage")]
    [InlineData("/api/diversify?mineral=cobolt&stage=refining", "mineral")]
    [InlineData("/api/diversify?mineral=cobalt&stage=refining&objective=cvar", "scenario")]
    [InlineData("/api/demand?country=Narnia", "country")]
    [InlineData("/api/demand?intensity_improvement=0.9", "intensity_improvement")]
    public async Task DemandAndDiversify_BadField_Returns400NamingTheField(string url, string field)
    {
        // Given
        var client = factory.CreateClient();

        // When
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task AcceptRecord_UnknownId_Returns404Problem()
    {
        // Given
        var client = factory.CreateClient();

        // When
        var response = await client.PostAsync("/api/partners/records/no-such-record/accept", null, TestContext.Current.CancellationToken);

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("no-such-record");
    }

    [Fact]
    public async Task ImportRecords_InvalidFile_Returns400AndChangesNothing()
    {
        // Given
        var client = factory.CreateClient();
        var before = await client.GetFromJsonAsync<JsonElement>("/api/partners/records", TestContext.Current.CancellationToken);

        // When
        var response = await client.PostAsync("/api/partners/import",
            new StringContent("""{"records": [{"id": "x", "kind": "partnership"}]}""", System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        // Then: the refused record is not there and every record from before still is (other tests share the server and may add
        // or review records of their own meanwhile, so neither the count nor the records' review state is the measure here)
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var after = await client.GetFromJsonAsync<JsonElement>("/api/partners/records", TestContext.Current.CancellationToken);
        var afterIds = after.EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToHashSet();
        afterIds.ShouldNotContain("x");
        before.EnumerateArray().Select(r => r.GetProperty("id").GetString()).ShouldAllBe(id => afterIds.Contains(id));
    }
}
