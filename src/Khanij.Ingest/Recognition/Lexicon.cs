using Khanij.Core.Catalogue;
using Khanij.Core.Text;

namespace Khanij.Ingest.Recognition;

/// <summary>Everything the recogniser looks up: catalogue entities (countries, frameworks, minerals), organisations and cities
/// from <c>data/catalogue</c>, and the linguistic cues (instruments, meetings, status, areas, roles) in Hindi and English from
/// <c>data/catalogue/cues.csv</c> (<see cref="CueCatalogue"/>). Names get systematic variants: "of the" also without "the", a
/// leading "the" dropped, and an organisation's Latin acronym spelt letter by letter in Devanagari (NMDC → एनएमडीसी).
/// Two layers: entities and cues, matched independently so that "India–Japan working group on critical minerals" yields
/// both the countries and minerals and the working-group cue. Immutable after construction; safe to share.</summary>
internal sealed class Lexicon
{
    /// <summary>The generic "critical minerals" id used when no specific mineral is named.</summary>
    public const string CriticalMinerals = "critical_minerals";

    /// <summary>Catalogue mineral ids that the event schema names differently.</summary>
    private static readonly Dictionary<string, string> EventMineralIds = new(StringComparer.Ordinal)
    {
        ["bauxite_aluminium"] = "aluminium",
    };

    private Lexicon(Gazetteer entities, Gazetteer cues, Gazetteer signals, IReadOnlyDictionary<string, Organisation> organisations, IReadOnlyDictionary<string, City> cities)
    {
        Entities = entities;
        CueWords = cues;
        Signals = signals;
        Organisations = organisations;
        Cities = cities;
    }

    public Gazetteer Entities { get; }

    public Gazetteer CueWords { get; }

    /// <summary>Follow-ups, negations and conditions (their own layer, so they never hide an event cue).</summary>
    public Gazetteer Signals { get; }

    public IReadOnlyDictionary<string, Organisation> Organisations { get; }

    public IReadOnlyDictionary<string, City> Cities { get; }

    /// <summary>Builds the lexicon from the catalogue and the texts of <c>organisations.csv</c> and <c>cities.csv</c> (either may be
    /// null) and <c>cues.csv</c>.</summary>
    /// <exception cref="IngestException"><paramref name="cuesCsv"/> has a problem (file:line:column in the message).</exception>
    public static Lexicon Build(KhanijCatalogue catalogue, string? organisationsCsv, string? citiesCsv, string cuesCsv, string cuesSource = "catalogue/cues.csv")
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(cuesCsv);
        var cueRows = CueCatalogue.Parse(cuesCsv, cuesSource);
        var entities = new Gazetteer();
        var cues = new Gazetteer();
        var signals = new Gazetteer();
        var cities = new Dictionary<string, City>(StringComparer.Ordinal);
        var cityNames = new HashSet<string>(StringComparer.Ordinal);
        if (citiesCsv is not null)
        {
            var table = Csv.Parse(citiesCsv, "catalogue/cities.csv");
            int en = Col(table, "name_en"), hi = Col(table, "names_hi"), aliases = Col(table, "aliases_en"), iso = Col(table, "iso3");
            foreach (var r in table.Rows)
            {
                var city = new City(r[en], r[iso]);
                cities[city.NameEn] = city;
                foreach (var name in Split(r[hi], '|').Concat(Split(r[aliases], ';')).Append(r[en]))
                {
                    entities.Add(name, EntryKind.City, city.NameEn, city.Iso3, city.NameEn);
                    cityNames.Add(TextNormalizer.Key(name));
                }
            }
        }
        foreach (var c in catalogue.Countries)
        {
            var names = new[] { c.NameEn }.Concat(c.NamesHi).Concat(c.AliasesEn).Concat(c.AdjectivesHi).Concat(c.AdjectivesEn);
            foreach (var name in names)
            {
                if (name.Length < 2 || (cityNames.Contains(TextNormalizer.Key(name)) && name != c.NameEn) || name.Contains(',', StringComparison.Ordinal))
                {
                    continue; // capitals are venues, not parties; "Korea, Republic of" is a listing form, not running text
                }
                foreach (var variant in Variants(name))
                {
                    entities.Add(variant, EntryKind.Country, c.Iso3);
                }
            }
        }
        foreach (var f in catalogue.Frameworks)
        {
            foreach (var name in new[] { f.Id, f.NameEn }.Concat(f.NamesHi).Concat(f.AliasesEn).SelectMany(Variants))
            {
                entities.Add(name, EntryKind.Framework, f.Id);
            }
        }
        foreach (var m in catalogue.Minerals)
        {
            var id = EventMineralIds.GetValueOrDefault(m.Id, m.Id);
            foreach (var name in new[] { m.NameEn }.Concat(m.NamesHi).Concat(m.AliasesEn))
            {
                entities.Add(name, EntryKind.Mineral, id);
            }
        }
        var organisations = new Dictionary<string, Organisation>(StringComparer.Ordinal);
        if (organisationsCsv is not null)
        {
            var table = Csv.Parse(organisationsCsv, "catalogue/organisations.csv");
            int id = Col(table, "id"), en = Col(table, "name_en"), hi = Col(table, "names_hi"), aliases = Col(table, "aliases_en"),
                country = Col(table, "country"), kind = Col(table, "kind");
            foreach (var r in table.Rows)
            {
                var org = new Organisation(r[id], r[en], r[country].Length == 3 ? r[country] : null, r[kind]);
                organisations[org.Id] = org;
                foreach (var name in Split(r[hi], '|').Concat(Split(r[aliases], ';')).Append(r[en]).SelectMany(Variants).SelectMany(WithDevanagariSpelling))
                {
                    entities.Add(name, EntryKind.Organisation, org.Id, org.Country, org.NameEn);
                }
            }
        }
        foreach (var row in cueRows)
        {
            var (layer, kind) = CueCatalogue.Target(row.Kind);
            var target = layer switch { CueLayer.Entity => entities, CueLayer.Signal => signals, _ => cues };
            target.Add(row.Phrase, kind, row.Value);
        }
        return new Lexicon(entities, cues, signals, organisations, cities);
    }

    /// <summary>A name and its usual variants: "Democratic Republic of the Congo" also as "… of Congo", "The Gambia" also as
    /// "Gambia".</summary>
    internal static IEnumerable<string> Variants(string name)
    {
        yield return name;
        var withoutThe = name.Replace(" of the ", " of ", StringComparison.OrdinalIgnoreCase);
        if (withoutThe != name)
        {
            yield return withoutThe;
        }
        if (name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && name.Length > 6)
        {
            yield return name[4..];
        }
    }

    private static readonly string[] LetterNames =
    [
        "ए", "बी", "सी", "डी", "ई", "एफ", "जी", "एच", "आई", "जे", "के", "एल", "एम", "एन", "ओ", "पी", "क्यू", "आर", "एस", "टी", "यू", "वी",
        "डब्ल्यू", "एक्स", "वाई", "जेड",
    ];

    /// <summary>A Latin acronym (2–6 capitals) and its letter-by-letter Devanagari spelling, as Hindi papers write it (NMDC →
    /// एनएमडीसी). Acronyms read as a word (KABIL → काबिल) are not derivable and are listed in the catalogue.</summary>
    internal static IEnumerable<string> WithDevanagariSpelling(string name)
    {
        yield return name;
        if (name.Length is >= 2 and <= 6 && name.All(char.IsAsciiLetterUpper))
        {
            yield return string.Concat(name.Select(c => LetterNames[c - 'A']));
        }
    }

    private static int Col(CsvTable table, string name)
    {
        var i = table.IndexOf(name);
        return i >= 0 ? i : throw new FormatException($"{table.Source}:1:1: missing column '{name}'; found {string.Join(", ", table.Header)}.");
    }

    private static string[] Split(string value, char separator) =>
        value.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
