using System.Text.RegularExpressions;
using Khanij.Analytics.Risk;
using Khanij.Application.Localization;
using Khanij.Application.Sheets;
using Khanij.Cli.Tests.Risk;
using Khanij.Core.Catalogue;
using Khanij.Core.Text;
using Khanij.Data;
using Khanij.Testing;

namespace Khanij.Cli.Tests;

/// <summary>The mineral sheet and the country profile in the request's language: in Hindi every sentence the services write and every curated
/// text they return is Hindi (Devanagari, with only codes, numbers and a few proper nouns in Latin); in English the curated texts are the data
/// files' own, and the sentences are unchanged.</summary>
public sealed partial class SheetLanguageTests(StoreFixture store) : IClassFixture<StoreFixture>
{
    // Chosen so that every kind of text occurs: restrictions (lithium, cobalt, gallium, graphite, rare earths), reported facts (lithium, cobalt,
    // germanium, graphite, rare earths), Comtrade coverage for India (graphite, cobalt), a recycling estimate and a printed bound, and a
    // mineral with most sections missing (helium).
    private static readonly string[] Minerals = ["lithium", "cobalt", "gallium", "germanium", "graphite", "rare_earths", "helium", "nickel"];

    private static readonly Lazy<KhanijCatalogue> Catalogue = new(() => CatalogueLoader.Load(RepoPaths.Data));

    private static CsvTable Read(string file) => Csv.Parse(File.ReadAllText(Path.Combine(RepoPaths.Data, file)), file);

    private static bool HasDevanagari(string s) => s.Any(c => c is >= '\u0900' and <= '\u097F');

    /// <summary>Latin words that are not codes (all capitals, with digits or underscores, such as HS, USGS, EOL-RR, usgs_mcs2024).</summary>
    private static IEnumerable<string> LatinWords(string s) =>
        LatinWord().Matches(s).Select(m => m.Value).Where(w => w != w.ToUpperInvariant() && !w.Any(char.IsDigit) && !w.Contains('_', StringComparison.Ordinal));

    private async Task<(List<(string Kind, string Text)> Texts, List<MineralSheet> Sheets)> SheetsAsync(string language)
    {
        await using var db = await KhanijStore.OpenReadOnlyAsync(store.DbPath, TestContext.Current.CancellationToken);
        using var _ = Messages.Use(language);
        var texts = new List<(string, string)>();
        var sheets = new List<MineralSheet>();
        foreach (var id in Minerals)
        {
            var result = await MineralSheetService.RunAsync(db, Catalogue.Value, new MineralSheetRequest(id, "IND"), TestContext.Current.CancellationToken);
            var s = result.Value.ShouldNotBeNull(id);
            sheets.Add(s);
            texts.AddRange(s.Missing.Select(m => ("missing", m)));
            texts.AddRange(s.Trade.Coverage.Select(c => ("coverage", c)));
            // UNEP's entry as printed is quoted as the publisher's notation (the dashboard marks it translate="no"): checked against the file below.
            texts.Add(("recycling", s.Recycling.EntryAsPrinted is { } printed ? s.Recycling.Basis.Replace($"'{printed}'", "''", StringComparison.Ordinal)
                : s.Recycling.Basis));
            texts.AddRange(s.Restrictions.Select(r => ("scope", r.Scope)));
            texts.AddRange(s.ReportedFacts.SelectMany(f => new[] { ("item", f.Item), ("unit", f.Unit), ("period", f.Period) }).Where(t => t.Item2.Length > 0));
        }
        return (texts, sheets);
    }

    [Fact]
    public async Task MineralSheet_Hindi_EverySentenceAndCuratedTextIsHindi()
    {
        // When
        var (texts, _) = await SheetsAsync("hi");

        // Then: each kind occurs (else the test would pass on nothing), and each text is Devanagari with no English word left
        texts.Select(t => t.Kind).Distinct().Order(StringComparer.Ordinal)
            .ShouldBe(["coverage", "item", "missing", "period", "recycling", "scope", "unit"]);
        foreach (var (kind, text) in texts)
        {
            HasDevanagari(text).ShouldBeTrue($"{kind}: {text}");
            LatinWords(text).ShouldBeEmpty($"{kind}: {text}");
        }
    }

    [Fact]
    public async Task MineralSheet_HindiRecyclingBasis_QuotesUnepsEntryAsPrinted()
    {
        // Given: UNEP's entries as printed, read here
        var unep = Read("recycling_rates_unep_irp2011.csv");
        var printed = unep.Rows.Select(r => r[unep.IndexOf("entry_as_printed")]).ToHashSet(StringComparer.Ordinal);

        // When
        var (_, sheets) = await SheetsAsync("hi");

        // Then: every sheet with a rate quotes one of them, once
        var quoted = sheets.Where(s => s.Recycling.RatePercent is not null).ToList();
        quoted.ShouldNotBeEmpty();
        foreach (var s in quoted)
        {
            printed.ShouldContain(s.Recycling.EntryAsPrinted!);
            s.Recycling.Basis.ShouldContain($"'{s.Recycling.EntryAsPrinted}'");
        }
    }

    [Fact]
    public async Task MineralSheet_HindiScopesAndFacts_AreTheCuratedHindiOfTheirRows()
    {
        // Given: the curated Hindi, read here from the catalogue files
        var scope = Read("catalogue/restriction_scope.csv");
        var scopeHi = scope.Rows.ToDictionary(r => r[scope.IndexOf("restriction_id")], r => r[scope.IndexOf("scope_hi")]);
        var words = Read("catalogue/reported_facts_hi.csv");
        var wordHi = words.Rows.ToDictionary(r => (r[words.IndexOf("field")], r[words.IndexOf("text")]), r => r[words.IndexOf("hindi")]);
        var facts = Read("india_critical_minerals_reported_facts.csv");
        var byLine = facts.Rows.ToDictionary(r => r.Line);

        // When
        var (_, sheets) = await SheetsAsync("hi");

        // Then
        var restrictions = sheets.SelectMany(s => s.Restrictions).ToList();
        restrictions.ShouldNotBeEmpty();
        foreach (var r in restrictions)
        {
            r.Scope.ShouldBe(scopeHi[r.Id], r.Id);
        }
        var reported = sheets.SelectMany(s => s.ReportedFacts).ToList();
        reported.ShouldNotBeEmpty();
        foreach (var f in reported)
        {
            var row = byLine[f.Provenance.Line];
            f.Item.ShouldBe(wordHi[("item", row[facts.IndexOf("item")])]);
            f.Unit.ShouldBe(wordHi[("unit", row[facts.IndexOf("unit")])]);
            f.Period.ShouldBe(wordHi[("period", row[facts.IndexOf("period")])]);
        }
    }

    [Fact]
    public async Task MineralSheet_English_CuratedTextsAsInTheDataFilesAndSentencesUnchanged()
    {
        // Given: the register and the facts as compiled, and the recycling basis as the risk method words it
        var register = Read("export_restrictions_curated.csv");
        var scopeEn = register.Rows.ToDictionary(r => r[register.IndexOf("id")], r => r[register.IndexOf("scope")]);
        var facts = Read("india_critical_minerals_reported_facts.csv");
        var byLine = facts.Rows.ToDictionary(r => r.Line);
        await using var db = await KhanijStore.OpenReadOnlyAsync(store.DbPath, TestContext.Current.CancellationToken);

        // When
        var (texts, sheets) = await SheetsAsync("en");

        // Then
        foreach (var s in sheets)
        {
            foreach (var r in s.Restrictions)
            {
                r.Scope.ShouldBe(scopeEn[r.Id], r.Id);
            }
            foreach (var f in s.ReportedFacts)
            {
                var row = byLine[f.Provenance.Line];
                (f.Item, f.Unit, f.Period).ShouldBe((row[facts.IndexOf("item")], row[facts.IndexOf("unit")], row[facts.IndexOf("period")]));
            }
            var rates = await db.GetRecyclingRatesAsync(s.MineralId, TestContext.Current.CancellationToken);
            s.Recycling.Basis.ShouldBe(RecyclingFactor.For(s.MineralId, rates).Basis, s.MineralId);
        }
        texts.ShouldNotContain(t => HasDevanagari(t.Text));
        texts.ShouldContain(t => t.Kind == "missing" && t.Text == "trade: no IND imports of Helium in the Trade Map pack or the partial Comtrade extract.");
    }

    [Theory]
    [InlineData("IND")]
    [InlineData("CHN")]
    [InlineData("JPN")]
    public async Task CountryProfile_Hindi_GapsAndScopesAreHindi(string iso3)
    {
        // Given
        await using var db = await KhanijStore.OpenReadOnlyAsync(store.DbPath, TestContext.Current.CancellationToken);
        using var _ = Messages.Use("hi");

        // When
        var result = await CountryProfileService.RunAsync(db, Catalogue.Value, new CountryProfileRequest(iso3), TestContext.Current.CancellationToken);

        // Then
        var p = result.Value.ShouldNotBeNull();
        var texts = p.ImportGaps.Concat(p.Imposes.Concat(p.Faces).Select(r => r.Scope)).ToList();
        p.ImportGaps.ShouldNotBeEmpty();
        (p.Imposes.Count + p.Faces.Count).ShouldBeGreaterThan(0);
        foreach (var text in texts)
        {
            HasDevanagari(text).ShouldBeTrue(text);
            LatinWords(text).ShouldBeEmpty(text);
        }
    }

    [GeneratedRegex("[A-Za-z][A-Za-z0-9_'-]*")]
    private static partial Regex LatinWord();
}
