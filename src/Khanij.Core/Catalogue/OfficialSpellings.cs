using Khanij.Core.Text;

namespace Khanij.Core.Catalogue;

/// <summary>Officials' names recorded in Devanagari (from Hindi articles) in Latin script for English text: the curated known spellings of
/// <c>data/catalogue/official_spellings.csv</c> (whole names, e.g. नरेंद्र मोदी → Narendra Modi, and single words such as honorifics,
/// सुश्री → Ms), else the rule-based romanisation of <see cref="Devanagari"/>. Names already in Latin script are returned as recorded.
/// Immutable and thread-safe once built.</summary>
public sealed class OfficialSpellings
{
    /// <summary>The file's name under the data directory.</summary>
    public const string FileName = "catalogue/official_spellings.csv";

    private static readonly string[] Columns = ["devanagari", "latin", "note"];
    private readonly Dictionary<string, string> _known;

    private OfficialSpellings(Dictionary<string, string> known) => _known = known;

    /// <summary>No known spellings: romanisation only.</summary>
    public static OfficialSpellings None { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>How many known spellings the list has.</summary>
    public int Count => _known.Count;

    /// <summary>Reads the list (columns <c>devanagari,latin,note</c>).</summary>
    /// <param name="csv">The file's text.</param>
    /// <param name="source">The file name for messages.</param>
    /// <exception cref="FormatException">A problem in the file: the message gives file, line and column, what was found and what was expected.
    /// </exception>
    public static OfficialSpellings Parse(string csv, string source)
    {
        var table = Csv.Parse(csv, source);
        if (!table.Header.SequenceEqual(Columns, StringComparer.Ordinal))
        {
            throw new FormatException($"{source}:1:1: found the header '{string.Join(",", table.Header)}'; expected '{string.Join(",", Columns)}'.");
        }
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var devanagari = row[0].Trim();
            var latin = row[1].Trim();
            if (!Devanagari.Has(devanagari) || devanagari.Any(char.IsAsciiLetter))
            {
                throw new FormatException($"{source}:{row.Line}:{row.ColumnOf(0)}: found '{devanagari}' in devanagari; expected a name in Devanagari only.");
            }
            if (latin.Length == 0 || Devanagari.Has(latin))
            {
                throw new FormatException($"{source}:{row.Line}:{row.ColumnOf(1)}: found '{latin}' in latin; expected the usual English spelling in Latin script.");
            }
            var key = TextNormalizer.Key(devanagari);
            if (lines.TryGetValue(key, out var first))
            {
                throw new FormatException($"{source}:{row.Line}:{row.ColumnOf(0)}: '{devanagari}' is listed twice; expected one spelling (first on line {first}).");
            }
            lines[key] = row.Line;
            known[key] = latin;
        }
        return new OfficialSpellings(known);
    }

    /// <summary>The name in Latin script: as recorded when it has no Devanagari; the known spelling of the whole name; else word by word, each
    /// word's known spelling or its romanisation.</summary>
    public string Latin(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Devanagari.Has(name))
        {
            return name;
        }
        if (_known.TryGetValue(TextNormalizer.Key(name), out var whole))
        {
            return whole;
        }
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // An honorific before a known name: "सुश्री सुज़ाना जिमेनेज़" → "Ms Suzana Jimenez".
        if (words.Length > 1 && _known.TryGetValue(TextNormalizer.Key(words[0]), out var title)
            && _known.TryGetValue(TextNormalizer.Key(string.Join(" ", words[1..])), out var rest))
        {
            return title + " " + rest;
        }
        return string.Join(" ", words.Select(w => _known.GetValueOrDefault(TextNormalizer.Key(w)) ?? Devanagari.ToLatin(w)));
    }
}
