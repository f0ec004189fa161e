using Khanij.Core.Text;

namespace Khanij.Core.Catalogue;

/// <summary>The catalogue of minerals, countries and frameworks with look-ups by any known name in English or Hindi.
/// Immutable and safe to share between threads.</summary>
public sealed class KhanijCatalogue
{
    private readonly Dictionary<string, Mineral> _mineralsById;
    private readonly Dictionary<string, Mineral> _mineralsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Mineral> _mineralsBySymbol = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Country> _countriesByIso3;
    private readonly Dictionary<string, Country> _countriesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Framework> _frameworksById;
    private readonly Dictionary<string, Framework> _frameworksByName = new(StringComparer.Ordinal);

    /// <summary>Builds the look-up tables. Names are matched by <see cref="TextNormalizer.Key"/>; the first entry wins on a clash.</summary>
    public KhanijCatalogue(IReadOnlyList<Mineral> minerals, IReadOnlyList<Country> countries, IReadOnlyList<Framework> frameworks)
    {
        Minerals = minerals;
        Countries = countries;
        Frameworks = frameworks;
        _mineralsById = minerals.ToDictionary(m => m.Id, StringComparer.OrdinalIgnoreCase);
        _countriesByIso3 = countries.ToDictionary(c => c.Iso3, StringComparer.OrdinalIgnoreCase);
        _frameworksById = frameworks.ToDictionary(f => f.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var m in minerals)
        {
            foreach (var name in new[] { m.Id, m.NameEn }.Concat(m.NamesHi).Concat(m.AliasesEn))
            {
                _mineralsByName.TryAdd(TextNormalizer.Key(name), m);
            }
            foreach (var symbol in m.Symbols)
            {
                _mineralsBySymbol.TryAdd(symbol, m);
            }
        }
        foreach (var c in countries)
        {
            foreach (var name in new[] { c.Iso3, c.NameEn }.Concat(c.NamesHi).Concat(c.AliasesEn).Concat(c.AdjectivesHi).Concat(c.AdjectivesEn))
            {
                _countriesByName.TryAdd(TextNormalizer.Key(name), c);
            }
        }
        foreach (var f in frameworks)
        {
            foreach (var name in new[] { f.Id, f.NameEn }.Concat(f.NamesHi).Concat(f.AliasesEn))
            {
                _frameworksByName.TryAdd(TextNormalizer.Key(name), f);
            }
        }
    }

    /// <summary>All minerals, in catalogue order.</summary>
    public IReadOnlyList<Mineral> Minerals { get; }

    /// <summary>All countries, in ISO order.</summary>
    public IReadOnlyList<Country> Countries { get; }

    /// <summary>All frameworks.</summary>
    public IReadOnlyList<Framework> Frameworks { get; }

    /// <summary>The mineral with this id, or null.</summary>
    public Mineral? MineralById(string id) => _mineralsById.GetValueOrDefault(id);

    /// <summary>The country with this ISO3 code, or null.</summary>
    public Country? CountryByIso3(string iso3) => _countriesByIso3.GetValueOrDefault(iso3);

    /// <summary>The framework with this id, or null.</summary>
    public Framework? FrameworkById(string id) => _frameworksById.GetValueOrDefault(id);

    /// <summary>The mineral whose id, English or Hindi name or alias equals <paramref name="name"/> after normalisation, or whose
    /// element symbol equals it exactly (case-sensitive, so the word "in" is not indium), or null.</summary>
    public Mineral? FindMineral(string name) =>
        _mineralsByName.GetValueOrDefault(TextNormalizer.Key(name)) ?? _mineralsBySymbol.GetValueOrDefault(name.Trim());

    /// <summary>The country whose code, name, alias, source spelling or adjective (either script) equals <paramref name="name"/>, or null.</summary>
    public Country? FindCountry(string name) => _countriesByName.GetValueOrDefault(TextNormalizer.Key(name));

    /// <summary>The framework whose id, name or alias equals <paramref name="name"/>, or null.</summary>
    public Framework? FindFramework(string name) => _frameworksByName.GetValueOrDefault(TextNormalizer.Key(name));

    /// <summary>Minerals whose id or a name is a few typing errors away from <paramref name="text"/> (for "did you mean"), nearest
    /// first; empty when nothing is close.</summary>
    public IReadOnlyList<Mineral> SuggestMinerals(string text) => Spelling.Nearest(TextNormalizer.Key(text), _mineralsByName);

    /// <summary>Countries whose code or a name is a few typing errors away from <paramref name="text"/>, nearest first.</summary>
    public IReadOnlyList<Country> SuggestCountries(string text) => Spelling.Nearest(TextNormalizer.Key(text), _countriesByName);

    /// <summary>" Did you mean lithium?" for a mineral text not in the catalogue (the nearest ids), or the empty string.</summary>
    public string DidYouMeanMineral(string text) => Spelling.DidYouMean(SuggestMinerals(text).Select(m => m.Id));

    /// <summary>" Did you mean JPN (Japan)?" for a country text not in the catalogue (codes with names), or the empty string.</summary>
    public string DidYouMeanCountry(string text) => Spelling.DidYouMean(SuggestCountries(text).Select(c => $"{c.Iso3} ({c.NameEn})"));

    /// <summary>Every (normalised name, mineral) pair, for building recognisers.</summary>
    public IEnumerable<KeyValuePair<string, Mineral>> MineralNames => _mineralsByName;

    /// <summary>Every (normalised name, country) pair, for building recognisers.</summary>
    public IEnumerable<KeyValuePair<string, Country>> CountryNames => _countriesByName;

    /// <summary>Every (normalised name, framework) pair, for building recognisers.</summary>
    public IEnumerable<KeyValuePair<string, Framework>> FrameworkNames => _frameworksByName;

    /// <summary>Countries whose code or any name contains <paramref name="text"/> (normalised, either script).</summary>
    public IReadOnlyList<Country> SearchCountries(string text)
    {
        var key = TextNormalizer.Key(text);
        if (key.Length == 0)
        {
            return Countries;
        }
        return [.. Countries.Where(c => new[] { c.Iso2, c.Iso3, c.Numeric, c.NameEn }
            .Concat(c.NamesHi).Concat(c.AliasesEn).Concat(c.AdjectivesHi).Concat(c.AdjectivesEn)
            .Any(n => TextNormalizer.Key(n).Contains(key, StringComparison.Ordinal)))];
    }
}
