using Khanij.Core.Text;

namespace Khanij.Data.Import;

/// <summary>Maps source spellings of countries and aggregates to ISO3 codes or aggregate kinds. Countries match on their ISO3 code,
/// English names (iso-codes), English aliases of kind name/short/source_spelling and <c>catalogue/source_spellings.csv</c>;
/// aggregates match on <c>catalogue/source_aggregates.csv</c>. Adjectives and capital metonyms are deliberately not used here.</summary>
internal sealed class PlaceResolver
{
    private readonly Dictionary<string, string> _countries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _aggregates = new(StringComparer.Ordinal);
    private readonly HashSet<string> _iso3 = new(StringComparer.Ordinal);

    public IReadOnlySet<string> Iso3Codes => _iso3;

    public void AddIso3(string iso3) => _iso3.Add(iso3);

    /// <summary>Adds a country spelling; returns the ISO3 it already maps to when that differs (a conflict), else null.</summary>
    public string? AddCountry(string spelling, string iso3)
    {
        var key = TextNormalizer.Key(spelling);
        if (key.Length == 0)
        {
            return null;
        }
        if (_countries.TryGetValue(key, out var existing))
        {
            return existing == iso3 ? null : existing;
        }
        _countries[key] = iso3;
        return null;
    }

    /// <summary>Adds an aggregate spelling; returns a description of the clash when the spelling already means something else, else null.</summary>
    public string? AddAggregate(string spelling, string kind)
    {
        var key = TextNormalizer.Key(spelling);
        if (_countries.TryGetValue(key, out var iso3))
        {
            return $"country {iso3}";
        }
        if (_aggregates.TryGetValue(key, out var existing) && existing != kind)
        {
            return $"aggregate '{existing}'";
        }
        _aggregates[key] = kind;
        return null;
    }

    public Place? Resolve(string spelling)
    {
        var key = TextNormalizer.Key(spelling);
        if (_aggregates.TryGetValue(key, out var kind))
        {
            return Place.Aggregate(kind);
        }
        if (_countries.TryGetValue(key, out var iso3))
        {
            return Place.Country(iso3);
        }
        return null;
    }

    /// <summary>Resolves a spelling in a field; records an error naming the value and what would fix it when it is unknown.</summary>
    public Place? Resolve(SourceTable table, Core.Text.CsvRow row, string column, string? spelling = null)
    {
        var text = spelling ?? table.Text(row, column);
        var place = Resolve(text);
        if (place is null)
        {
            table.Error(row, column, $"unknown country or aggregate '{text}'; expected a country name, ISO3 code or source spelling known to the "
                + "catalogue (add it to data/catalogue/source_spellings.csv as iso3,spelling,source, or to source_aggregates.csv if it is an aggregate).");
        }
        return place;
    }

    /// <summary>Resolves a field that must name a country (not an aggregate).</summary>
    public string? ResolveCountry(SourceTable table, Core.Text.CsvRow row, string column, string? spelling = null)
    {
        var text = spelling ?? table.Text(row, column);
        var place = Resolve(table, row, column, text);
        if (place is { IsCountry: false } p)
        {
            table.Error(row, column, $"'{text}' is an aggregate ({p.AggregateKind}); expected a single country here.");
            return null;
        }
        return place?.Iso3;
    }
}
