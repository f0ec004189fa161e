using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Khanij.Testing;

namespace Khanij.Web.Tests;

/// <summary>The sentences the services write (demand, diversify, simulate, ingest) arrive in the request's language: with <c>?lang=hi</c> in
/// Devanagari, without it in English as before. Curated Hindi (the shipped demand scenarios' <c>name_hi</c>, <c>omitted_hi</c>) is read from
/// the files themselves.</summary>
public sealed partial class ServerSentenceLanguageTests(KhanijWebFactory factory) : IClassFixture<KhanijWebFactory>
{
    [Fact]
    public async Task Demand_HindiRequest_WritesNotesBasesAndReasonsInHindiAndTheCuratedHindiName()
    {
        // Given: the shipped Indian scenario's own English and Hindi texts
        var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "scenarios", "demand", "india-published-targets.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }).RootElement;
        var client = factory.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        // When
        var hi = await client.GetFromJsonAsync<JsonElement>("/api/demand?country=IND&lang=hi", ct);
        var en = await client.GetFromJsonAsync<JsonElement>("/api/demand?country=IND", ct);

        // Then: Hindi texts in the Hindi answer; the English answer unchanged and without Devanagari
        hi.GetProperty("scenario").GetString().ShouldBe(file.GetProperty("name_hi").GetString());
        en.GetProperty("scenario").GetString().ShouldBe(file.GetProperty("name").GetString());
        Strings(hi, "omitted").ShouldBe(Strings(file, "omitted_hi"));
        Strings(en, "omitted").ShouldBe(Strings(file, "omitted"));
        var hiSentences = Sentences(hi).ToList();
        var enSentences = Sentences(en).ToList();
        hiSentences.Count.ShouldBe(enSentences.Count);
        hiSentences.Count.ShouldBeGreaterThan(10);
        hiSentences.ShouldAllBe(s => Devanagari().IsMatch(s));
        enSentences.ShouldAllBe(s => !Devanagari().IsMatch(s));
        enSentences.ShouldContain("Needs are tonnes of element: GWh × chemistry share × BatPaC kg/kWh × 1000 (1 GWh = 10⁶ kWh).");
    }

    [Fact]
    public async Task Diversify_HindiRequest_WritesNotesAndBindingConstraintsInHindi()
    {
        // Given: a request whose cap binds (65 % with China far above it today)
        var client = factory.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        const string path = "/api/diversify?mineral=cobalt&stage=refining&country=IND&objective=risk&cap=0.65";

        // When
        var hi = (await client.GetFromJsonAsync<JsonElement>(path + "&lang=hi", ct)).GetProperty("result");
        var en = (await client.GetFromJsonAsync<JsonElement>(path, ct)).GetProperty("result");

        // Then
        static List<string> Said(JsonElement r) =>
            [.. Strings(r, "notes"), .. r.GetProperty("binding").EnumerateArray().Select(b => b.GetProperty("in_words").GetString()!)];
        Said(hi).Count.ShouldBeGreaterThan(1);
        Said(hi).Count.ShouldBe(Said(en).Count);
        Said(hi).ShouldAllBe(s => Devanagari().IsMatch(s));
        Said(en).ShouldAllBe(s => !Devanagari().IsMatch(s));
        Said(en).ShouldContain(s => s.StartsWith("Raising the limit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SimulateAndIngest_HindiRequest_WriteNotesAndWarningsInHindi()
    {
        // Given: a cut by the largest cobalt miner and one by a country that mines none (a warning), and a text without a date (an ingestion
        // warning)
        var client = factory.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        const string scenario = """
            {"name": "lang", "perspective": "IND", "runs": 1, "seed": 1, "shocks": [
              {"kind": "cut", "country": "COD", "minerals": ["cobalt"], "stage": "mining", "fraction": 0.5, "duration_months": 6},
              {"kind": "cut", "country": "NPL", "minerals": ["cobalt"], "stage": "mining", "fraction": 0.5, "duration_months": 6}]}
            """;
        const string article = """{"name": "x.txt", "text": "India and Australia signed an agreement on lithium."}""";

        // When
        async Task<JsonElement> Post(string url, string body)
        {
            var response = await client.PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"), ct);
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync(ct));
            return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        }
        var hi = (await Post("/api/simulate?lang=hi", scenario)).GetProperty("report");
        var en = (await Post("/api/simulate", scenario)).GetProperty("report");
        var hiIngest = await Post("/api/ingest/extract?lang=hi", article);
        var enIngest = await Post("/api/ingest/extract", article);

        // Then: the network's notes and the warning (Nepal mines no cobalt) in the request's language
        static List<string> Said(JsonElement r) =>
            [.. r.GetProperty("minerals").EnumerateArray().SelectMany(m => Strings(m, "notes")), .. Strings(r, "warnings")];
        Said(hi).Count.ShouldBeGreaterThan(2);
        Said(hi).ShouldAllBe(s => Devanagari().IsMatch(s));
        Said(en).ShouldAllBe(s => !Devanagari().IsMatch(s));
        Strings(en, "warnings").ShouldContain(w => w.Contains("NPL has no mining output of Cobalt", StringComparison.Ordinal));
        Strings(hiIngest, "warnings").ShouldNotBeEmpty();
        Strings(hiIngest, "warnings").ShouldAllBe(s => Devanagari().IsMatch(s));
        Strings(enIngest, "warnings").ShouldContain(w => w.StartsWith("no publication date found", StringComparison.Ordinal));
    }

    /// <summary>Every sentence a demand answer composes: notes, reasons, world-demand gaps, bases and not-counted reasons of secured items.</summary>
    private static IEnumerable<string> Sentences(JsonElement r) =>
        Strings(r, "notes").Concat(Strings(r, "world_missing"))
            .Concat(r.GetProperty("not_computed").EnumerateArray().Select(n => n.GetProperty("reason").GetString()!))
            .Concat(r.GetProperty("gap").EnumerateArray().SelectMany(g => g.GetProperty("items").EnumerateArray())
                .SelectMany(i => new[] { i.GetProperty("basis").GetString()!, i.GetProperty("not_counted").GetString() })
                .OfType<string>());

    private static List<string> Strings(JsonElement e, string name) => [.. e.GetProperty(name).EnumerateArray().Select(x => x.GetString()!)];

    [GeneratedRegex(@"[\u0900-\u097F]")]
    private static partial Regex Devanagari();
}
