using Khanij.Core.Text;

namespace Khanij.Core.Catalogue;

/// <summary>Builds a <see cref="KhanijCatalogue"/> from the texts of the catalogue files (the caller reads the files).</summary>
public static class CatalogueReader
{
    /// <summary>File names the catalogue is built from, relative to the data directory.</summary>
    public static IReadOnlyList<string> Files { get; } =
    [
        "catalogue/minerals.csv", "criticality_lists.csv", "country_codes_iso3166.csv",
        "catalogue/country_aliases.csv", "catalogue/frameworks.csv",
    ];

    /// <summary>Parses the catalogue. <paramref name="readText"/> returns the text of a file named in <see cref="Files"/>.</summary>
    /// <exception cref="FormatException">A file lacks a required column or a row is malformed; the message says where.</exception>
    public static KhanijCatalogue Read(Func<string, string> readText)
    {
        ArgumentNullException.ThrowIfNull(readText);
        var minerals = Csv.Parse(readText(Files[0]), Files[0]);
        var lists = Csv.Parse(readText(Files[1]), Files[1]);
        var iso = Csv.Parse(readText(Files[2]), Files[2]);
        var aliases = Csv.Parse(readText(Files[3]), Files[3]);
        var frameworks = Csv.Parse(readText(Files[4]), Files[4]);

        var flags = new Dictionary<string, (bool In, bool Eu, bool Us)>(StringComparer.Ordinal);
        foreach (var r in lists.Rows)
        {
            flags[r[Col(lists, "mineral")]] = (r[Col(lists, "india_2023")] == "1", r[Col(lists, "eu_2023")] == "1", r[Col(lists, "us_2022")] == "1");
        }
        var mineralList = minerals.Rows.Select(r =>
        {
            var id = r[Col(minerals, "id")];
            var f = flags.GetValueOrDefault(id);
            return new Mineral(id, r[Col(minerals, "name_en")], Split(r[Col(minerals, "symbols")], ';'),
                Split(r[Col(minerals, "names_hi")], '|'), Split(r[Col(minerals, "aliases_en")], ';'),
                Split(r[Col(minerals, "hs_codes")], ';'), f.In, f.Eu, f.Us);
        }).ToList();

        var extra = aliases.Rows.GroupBy(r => r[Col(aliases, "iso3")], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var countryList = iso.Rows.Select(r =>
        {
            var iso3 = r[Col(iso, "alpha3")];
            var rows = extra.GetValueOrDefault(iso3) ?? [];
            IReadOnlyList<string> Of(string lang, params string[] kinds) =>
                [.. rows.Where(a => a[Col(aliases, "lang")] == lang && kinds.Contains(a[Col(aliases, "kind")])).Select(a => a[Col(aliases, "alias")])];
            // CLDR's common name first (रूस, दक्षिण कोरिया, कांगो - किंशासा): it is what tables, charts and reports show; iso-codes'
            // translation of ISO's inverted English ("कोरिया, रिपब्लिक ऑफ") stays a spelling to recognise, never a display name.
            var hi = new[] { "name_hi_cldr", "name_hi_isocodes", "name_hi_cldr_alt_short", "name_hi_cldr_alt_variant" }
                .Select(c => r[Col(iso, c)]).Concat(Of("hi", "name", "short"));
            var en = new[] { "official_name_en", "common_name_en" }.Select(c => r[Col(iso, c)])
                .Concat(Of("en", "name", "short", "source_spelling", "capital_metonym"));
            return new Country(r[Col(iso, "alpha2")], iso3, r[Col(iso, "numeric")], r[Col(iso, "name_en")],
                Distinct(hi), Distinct(en), Of("hi", "adjective"), Of("en", "adjective"));
        }).ToList();

        var frameworkList = frameworks.Rows.Select(r => new Framework(r[Col(frameworks, "id")], r[Col(frameworks, "name_en")],
            Split(r[Col(frameworks, "names_hi")], '|'), Split(r[Col(frameworks, "aliases_en")], ';'),
            Split(r[Col(frameworks, "members")], ';'), r[Col(frameworks, "founded")])).ToList();
        return new KhanijCatalogue(mineralList, countryList, frameworkList);
    }

    private static int Col(CsvTable table, string name)
    {
        var i = table.IndexOf(name);
        return i >= 0 ? i : throw new FormatException($"{table.Source}:1:1: missing column '{name}'; found {string.Join(", ", table.Header)}.");
    }

    private static string[] Split(string value, char separator) =>
        value.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string[] Distinct(IEnumerable<string> names) =>
        [.. names.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal)];
}
