using System.Globalization;
using System.Resources;

namespace Khanij.Application.Localization;

/// <summary>The message catalogue of the server and the reports: one resx file per language (<c>Messages.resx</c> English,
/// <c>Messages.hi.resx</c> Hindi, compiled into a satellite assembly), read with .NET's <see cref="ResourceManager"/>. The language is
/// chosen per call chain with <see cref="Use(string)"/> (the CLI's <c>--lang</c>, the web host's request culture: <c>?lang=</c> or
/// <c>Accept-Language</c>); without it, English. Numbers in Hindi use Indian digit grouping (1,59,337), English the invariant form.</summary>
public static class Messages
{
    /// <summary>Languages with a catalogue, English first (the fallback).</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "hi"];

    private static readonly ResourceManager Resources = new("Khanij.Application.Localization.Messages", typeof(Messages).Assembly);
    private static readonly CultureInfo Hindi = CultureInfo.GetCultureInfo("hi-IN");
    private static readonly AsyncLocal<CultureInfo?> Current = new();

    /// <summary>The culture of the current call chain: hi-IN for Hindi, else the invariant culture (English).</summary>
    public static CultureInfo Culture => Current.Value ?? CultureInfo.InvariantCulture;

    /// <summary>"hi" or "en".</summary>
    public static string Language => ReferenceEquals(Culture, Hindi) ? "hi" : "en";

    /// <summary>True when <paramref name="language"/> (e.g. "hi", "hi-IN", "EN") names a language with a catalogue.</summary>
    public static bool IsSupported(string? language) => Normalise(language) is not null;

    /// <summary>Switches the current call chain (this async flow) to <paramref name="language"/> until the result is disposed.</summary>
    /// <exception cref="ArgumentException">The language has no catalogue.</exception>
    public static IDisposable Use(string language)
    {
        var lang = Normalise(language) ?? throw new ArgumentException(
            $"no message catalogue for language '{language}'; expected one of {string.Join(", ", Languages)}.", nameof(language));
        var previous = Current.Value;
        Current.Value = lang == "hi" ? Hindi : null;
        return new Restore(previous);
    }

    /// <summary>The message <paramref name="key"/> in the current language.</summary>
    /// <exception cref="KeyNotFoundException">No such message (a test checks every key used exists in both languages).</exception>
    public static string Get(string key) =>
        Resources.GetString(key, Current.Value ?? CultureInfo.InvariantCulture) ?? throw new KeyNotFoundException($"no message '{key}' in the catalogue");

    /// <summary>The message <paramref name="key"/> with its placeholders ({0}, {1} …) filled, numbers formatted for the language.</summary>
    public static string Format(string key, params object?[] args) => string.Format(Culture, Get(key), args);

    /// <summary>The message <paramref name="key"/> in the current language, or null when the catalogue has none (for open-ended ids such as
    /// a stage or a product, which fall back to the id).</summary>
    public static string? Find(string key) => Resources.GetString(key, Current.Value ?? CultureInfo.InvariantCulture);

    /// <summary>Every key and text of one language's catalogue, without falling back to English (for completeness tests).</summary>
    public static IReadOnlyDictionary<string, string> All(string language)
    {
        var culture = Normalise(language) == "hi" ? CultureInfo.GetCultureInfo("hi") : CultureInfo.InvariantCulture;
        var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (set is null)
        {
            return result;
        }
        foreach (System.Collections.DictionaryEntry e in set)
        {
            result[(string)e.Key] = e.Value as string ?? "";
        }
        return result;
    }

    private static string? Normalise(string? language) =>
        language?.Trim().ToLowerInvariant() switch
        {
            "hi" or "hi-in" => "hi",
            "en" or "en-in" or "en-gb" or "en-us" or "" => "en",
            _ => null,
        };

    /// <summary>The catalogue as the inner layers see it (<see cref="Khanij.Core.Text.IPhrasebook"/>): each call reads the language of the
    /// current call chain, so one instance serves every request.</summary>
    public static Khanij.Core.Text.IPhrasebook Phrasebook { get; } = new CataloguePhrasebook();

    /// <summary>The catalogue with display names from <paramref name="catalogue"/>: minerals and countries by their (CLDR common) names in
    /// the current language, technologies and other ids by their message (<c>Tech_</c>, <c>Id_</c>).</summary>
    public static Khanij.Core.Text.IPhrasebook PhrasebookWith(Khanij.Core.Catalogue.KhanijCatalogue catalogue) => new CataloguePhrasebook(catalogue);

    /// <summary>The display name of <paramref name="id"/> (see <see cref="PhrasebookWith"/>); without a catalogue, messages only.</summary>
    public static string Name(string id, Khanij.Core.Catalogue.KhanijCatalogue? catalogue)
    {
        ArgumentNullException.ThrowIfNull(id);
        var hi = Language == "hi";
        if (catalogue?.MineralById(id) is { } m)
        {
            return hi && m.NamesHi.Count > 0 ? m.NamesHi[0] : m.NameEn;
        }
        if (id.Length == 3 && catalogue?.CountryByIso3(id) is { } c)
        {
            return hi ? c.DisplayNameHi : c.DisplayName;
        }
        return Find("Tech_" + id) ?? Find("Stage_" + id) ?? Find("Id_" + id) ?? id;
    }

    private sealed class CataloguePhrasebook(Khanij.Core.Catalogue.KhanijCatalogue? catalogue = null) : Khanij.Core.Text.IPhrasebook
    {
        public string Format(string key, params object?[] args) => Messages.Format(key, args);

        public string Name(string id) => Messages.Name(id, catalogue);
    }

    private sealed class Restore(CultureInfo? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
