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
