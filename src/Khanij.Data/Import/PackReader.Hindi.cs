using Khanij.Core.Text;

namespace Khanij.Data.Import;

/// <summary>The Hindi of curated text the dashboard shows: a restriction's scope (a column of <see cref="RestrictionScope"/>) and the item,
/// unit and period of India's reported facts (<see cref="ReportedFactsHindi"/>; the facts file itself stays as compiled). Every text shown
/// must have its Hindi: a missing one is an import error at the cell, never an English fallback.</summary>
internal sealed partial class PackReader
{
    /// <summary>Our catalogue of the reported facts' words in Hindi: <c>field,text,hindi</c>, one row per distinct item, unit or period.</summary>
    public const string ReportedFactsHindi = "catalogue/reported_facts_hi.csv";

    private static readonly string[] FactFields = ["item", "unit", "period"];
    private readonly Dictionary<(string Field, string Text), string> _factsHindi = [];
    private bool _factsHindiRead;

    private void ReadReportedFactsHindi()
    {
        var t = Open(ReportedFactsHindi, "field", "text", "hindi");
        if (t is null)
        {
            return;
        }
        _factsHindiRead = true;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in t.Rows)
        {
            var field = t.OneOf(row, "field", FactFields);
            var text = t.Required(row, "text", $"an {string.Join(", ", FactFields)} as written in {IndiaFacts}");
            var hindi = HindiText(t, row, "hindi", "its Hindi, as the Hindi dashboard shows it");
            if (field is null || text.Length == 0 || hindi.Length == 0 || !Unique(seen, t, row, "text", "field/text", field, text))
            {
                continue;
            }
            _factsHindi[(field, text)] = hindi;
        }
        Register(t, "catalogue", "Khanij catalogue (curated)", "Khanij catalogue", "project data", "reported_facts", _factsHindi.Count);
    }

    /// <summary>The Hindi of a reported fact's <paramref name="column"/>; an empty field has none. Records an error at the cell when the
    /// catalogue has no row for it.</summary>
    private string FactHindi(SourceTable t, CsvRow row, string column)
    {
        var text = t.Text(row, column);
        if (text.Length == 0 || !_factsHindiRead)
        {
            return "";
        }
        if (_factsHindi.TryGetValue((column, text), out var hindi))
        {
            return hindi;
        }
        t.Error(row, column, $"{column} '{text}' has no Hindi in {ReportedFactsHindi}; expected a row '{column},{text},<the Hindi>' there.");
        return "";
    }

    /// <summary>A required field that must be Hindi: not empty and with Devanagari letters (Latin names and numbers may stand inside it).</summary>
    private static string HindiText(SourceTable t, CsvRow row, string column, string expected)
    {
        var value = t.Required(row, column, expected);
        if (value.Length > 0 && !value.Any(c => c is >= '\u0900' and <= '\u097F'))
        {
            t.Error(row, column, $"'{column}' is '{value}', which has no Devanagari; expected {expected}.");
        }
        return value;
    }
}
