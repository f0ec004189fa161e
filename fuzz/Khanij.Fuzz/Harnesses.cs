using System.Text;
using System.Text.Json;
using Khanij.Analytics.Simulation;
using Khanij.Core.Catalogue;
using Khanij.Core.Text;
using Khanij.Data;
using Khanij.Data.Import;
using Khanij.Data.Registry;
using Khanij.Ingest.Amounts;
using Khanij.Ingest.Dates;
using Khanij.Ingest.Html;

namespace Khanij.Fuzz;

/// <summary>One fuzz target per reader of outside input. Each takes raw bytes, and treats the reader's documented rejection (a located
/// error) as a normal outcome; anything else that escapes (IndexOutOfRange, InvalidOperation, NullReference, a hang) is a finding.</summary>
internal static class Harnesses
{
    private static readonly Lazy<KhanijCatalogue> Catalogue = new(() => CatalogueLoader.Load(DataDirectory.Locate()));

    /// <summary>The harnesses by name (the name is the corpus folder under <c>fuzz/corpus/</c>).</summary>
    public static IReadOnlyDictionary<string, Action<byte[]>> All { get; } = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["csv"] = Csv,
        ["pack-table"] = PackTable,
        ["registry-json"] = RegistryJson,
        ["scenario-json"] = ScenarioJson,
        ["html-to-text"] = HtmlText,
        ["dates"] = Dates,
        ["amounts"] = Amounts,
    };

    /// <summary>Loads what the harnesses share (the catalogue) before fuzzing starts, so it is not part of every execution.</summary>
    public static void Warm() => _ = Catalogue.Value;

    /// <summary>The CSV reader: either a table whose rows all lie inside the text, or a FormatException located in the text.</summary>
    public static void Csv(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        try
        {
            var table = Core.Text.Csv.Parse(text, "fuzz.csv");
            // Lines as the reader counts them: \r\n, \n, or a lone \r ends a line.
            var lines = 1 + text.Count(c => c == '\n') + text.Where((c, i) => c == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')).Count();
            foreach (var row in table.Rows)
            {
                Check(row.Line >= 1 && row.Line <= lines, $"row line {row.Line} outside 1..{lines}");
                Check(row.Fields.Count == row.Columns.Count, "fields and columns differ in number");
            }
        }
        catch (FormatException e)
        {
            Check(e.Message.StartsWith("fuzz.csv:", StringComparison.Ordinal), "unlocated CSV error: " + e.Message);
        }
    }

    /// <summary>A pack table as the importer reads it (strict UTF-8, header, row widths, numbers): errors only, never an exception.</summary>
    public static void PackTable(byte[] input)
    {
        var errors = new ImportErrors();
        var text = SourceTable.Decode(input, "fuzz.csv", errors);
        if (text is null)
        {
            Check(errors.Count == 1, "undecodable input without exactly one error");
            return;
        }
        var table = SourceTable.FromText("fuzz.csv", text, "", errors, ["value"]);
        if (table is null)
        {
            Check(errors.Count > 0, "table refused without an error");
            return;
        }
        foreach (var row in table.Rows)
        {
            _ = table.Number(row, "value", range: (-1e12, 1e12));
        }
        Check(errors.All.Count <= errors.MaxPerFile + 1, "more errors shown than the per-file limit");
    }

    /// <summary>The registry file checker: records or a RegistryException whose every problem is located.</summary>
    public static void RegistryJson(byte[] input)
    {
        try
        {
            _ = RegistryImporter.Check("fuzz.json", input, Catalogue.Value, new HashSet<string>(StringComparer.Ordinal));
        }
        catch (RegistryException e)
        {
            Check(e.Problems.Count > 0 && e.Problems.All(p => p.StartsWith("fuzz.json", StringComparison.Ordinal)), "unlocated registry problem");
        }
    }

    /// <summary>The scenario reader: a scenario or a list of errors, never an exception.</summary>
    public static void ScenarioJson(byte[] input)
    {
        var errors = ScenarioReader.TryParse(Encoding.UTF8.GetString(input), "fuzz.json", Catalogue.Value, out var scenario);
        Check((errors.Count == 0) == (scenario is not null), "scenario and errors disagree");
    }

    /// <summary>HTML to text: any text comes out, no exception.</summary>
    public static void HtmlText(byte[] input)
    {
        var html = Encoding.UTF8.GetString(input);
        _ = HtmlToText.LooksLikeHtml(html);
        var text = HtmlToText.Convert(html, out _);
        Check(text is not null, "null text");
    }

    /// <summary>Date mentions: in order, inside the text, not overlapping.</summary>
    public static void Dates(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        var end = 0;
        foreach (var m in DateParser.Find(text))
        {
            Check(m.Start >= end && m.End > m.Start && m.End <= text.Length, $"date mention {m.Start}..{m.End} misplaced");
            end = m.End;
        }
        _ = DateParser.ParseIsoPrefix(text);
    }

    /// <summary>Money amounts: inside the text, finite and not negative.</summary>
    public static void Amounts(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        foreach (var (start, end, value, currency) in AmountParser.Find(text))
        {
            Check(start >= 0 && end > start && end <= text.Length, $"amount {start}..{end} outside the text");
            Check(double.IsFinite(value) && value >= 0, $"amount {value} not a finite quantity");
            Check(currency.Length > 0, "amount without a currency");
        }
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new FuzzFindingException(what);
        }
    }
}

/// <summary>A harness's own check failed: the reader returned something impossible (a finding, like a crash).</summary>
internal sealed class FuzzFindingException(string message) : Exception(message);
