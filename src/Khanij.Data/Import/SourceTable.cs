using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Khanij.Core.Text;

namespace Khanij.Data.Import;

/// <summary>One CSV file of the pack, read strictly (valid UTF-8, required columns present, rows as wide as the header),
/// with typed field access that records an error instead of throwing.</summary>
internal sealed class SourceTable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly Dictionary<string, int> _columns;

    private SourceTable(string file, CsvTable table, string sha256, ImportErrors errors)
    {
        File = file;
        Table = table;
        Sha256 = sha256;
        Errors = errors;
        _columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < table.Header.Count; i++)
        {
            _columns.TryAdd(table.Header[i], i);
        }
    }

    public string File { get; }

    public CsvTable Table { get; }

    public string Sha256 { get; }

    public ImportErrors Errors { get; }

    public IReadOnlyList<CsvRow> Rows => Table.Rows;

    /// <summary>Reads <paramref name="file"/> (relative to <paramref name="dataDir"/>). Returns null after recording an error when the
    /// file is missing, is not valid UTF-8, cannot be parsed, lacks a required column or has no data rows.</summary>
    public static SourceTable? Read(string dataDir, string file, ImportErrors errors, IReadOnlyList<string> requiredColumns)
    {
        var bytes = PackFile.ReadBytes(dataDir, file, errors);
        if (bytes is null)
        {
            return null;
        }
        var text = Decode(bytes, file, errors);
        if (text is null)
        {
            return null;
        }
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return FromText(file, text, sha, errors, requiredColumns);
    }

    public static SourceTable? FromText(string file, string text, string sha256, ImportErrors errors, IReadOnlyList<string> requiredColumns)
    {
        if (text.Trim('\uFEFF', ' ', '\r', '\n', '\t').Length == 0)
        {
            errors.Add(file, 1, 1, $"the file is empty; expected a header line with the columns {string.Join(", ", requiredColumns)}.");
            return null;
        }
        CsvTable table;
        try
        {
            table = Csv.Parse(text, file);
        }
        catch (FormatException e)
        {
            // The parser's message already starts with file:line:column.
            var (line, column, message) = SplitLocated(e.Message, file);
            errors.Add(file, line, column, message);
            return null;
        }
        var missing = requiredColumns.Where(c => table.IndexOf(c) < 0).ToList();
        if (missing.Count > 0)
        {
            errors.Add(file, 1, 1, $"missing column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"'{m}'"))}; "
                + $"found {string.Join(", ", table.Header.Select(h => $"'{h}'"))}.");
            return null;
        }
        if (table.Rows.Count == 0)
        {
            errors.Add(file, 2, 1, "the file has a header but no data rows; expected at least one row (an empty file would delete this source).");
            return null;
        }
        var result = new SourceTable(file, table, sha256, errors);
        var bad = 0;
        foreach (var row in table.Rows)
        {
            if (row.Fields.Count != table.Header.Count)
            {
                errors.Add(file, row.Line, row.ColumnOf(Math.Min(row.Fields.Count, table.Header.Count) - 1),
                    $"the row has {row.Fields.Count} fields; expected {table.Header.Count} (one per header column).");
                bad++;
            }
        }
        return bad == 0 ? result : null;
    }

    /// <summary>Strict UTF-8 decoding; an invalid byte sequence is an error with its line and column.</summary>
    public static string? Decode(byte[] bytes, string file, ImportErrors errors)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            ReadOnlySpan<byte> span = bytes;
            int line = 1, column = 1, offset = 0;
            while (offset < span.Length)
            {
                var status = Rune.DecodeFromUtf8(span[offset..], out var rune, out var consumed);
                if (status != OperationStatus.Done)
                {
                    var shown = string.Join(" ", span.Slice(offset, Math.Min(Math.Max(consumed, 1), 4)).ToArray().Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));
                    errors.Add(file, line, column, $"invalid UTF-8 byte sequence (0x{shown}); expected the file to be UTF-8 encoded.");
                    return null;
                }
                if (rune.Value == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }
                offset += consumed;
            }
            errors.Add(file, 0, 0, "the file is not valid UTF-8; expected UTF-8.");
            return null;
        }
    }

    private static (int Line, int Column, string Message) SplitLocated(string message, string file)
    {
        var prefix = file + ":";
        if (message.StartsWith(prefix, StringComparison.Ordinal))
        {
            var parts = message[prefix.Length..].Split(':', 3);
            if (parts.Length == 3 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var l) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var c))
            {
                return (l, c, parts[2].Trim());
            }
        }
        return (0, 0, message);
    }

    public int Col(string name) => _columns.TryGetValue(name, out var i) ? i : throw new InvalidOperationException($"{File}: column '{name}' was not required at read.");

    /// <summary>The trimmed field.</summary>
    public string Text(CsvRow row, string column) => row[Col(column)].Trim();

    /// <summary>The trimmed field; records an error when it is empty.</summary>
    public string Required(CsvRow row, string column, string expected)
    {
        var value = Text(row, column);
        if (value.Length == 0)
        {
            Error(row, column, $"'{column}' is empty; expected {expected}.");
        }
        return value;
    }

    /// <summary>A number, or null when the field is empty or one of <paramref name="nullTokens"/>. Records an error for anything else
    /// that is not a finite invariant-culture number, and for a negative number unless <paramref name="allowNegative"/>.</summary>
    public double? Number(CsvRow row, string column, bool allowEmpty = true, bool allowNegative = false, IReadOnlyCollection<string>? nullTokens = null,
        (double Min, double Max)? range = null)
    {
        var text = Text(row, column);
        if (text.Length == 0 || (nullTokens is not null && nullTokens.Contains(text)))
        {
            if (!allowEmpty)
            {
                Error(row, column, $"'{column}' is {(text.Length == 0 ? "empty" : $"'{text}'")}; expected a number.");
            }
            return null;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Error(row, column, $"'{column}' is '{text}'; expected a number (invariant culture, e.g. 1234.5){NullHint(nullTokens)}.");
            return null;
        }
        if (value < 0 && !allowNegative)
        {
            Error(row, column, $"'{column}' is {text}; expected a quantity of zero or more.");
            return null;
        }
        if (range is { } r && (value < r.Min || value > r.Max))
        {
            Error(row, column, $"'{column}' is {text}; expected a value from {r.Min.ToString(CultureInfo.InvariantCulture)} to "
                + $"{r.Max.ToString(CultureInfo.InvariantCulture)}.");
            return null;
        }
        return value;
    }

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>]; records an error otherwise.</summary>
    public int? Integer(CsvRow row, string column, int min, int max)
    {
        var text = Text(row, column);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Error(row, column, $"'{column}' is '{text}'; expected a whole number from {min} to {max}.");
            return null;
        }
        return value;
    }

    /// <summary>One of <paramref name="allowed"/> (ordinal); records an error otherwise.</summary>
    public string? OneOf(CsvRow row, string column, params string[] allowed)
    {
        var text = Text(row, column);
        if (!allowed.Contains(text, StringComparer.Ordinal))
        {
            Error(row, column, $"'{column}' is '{text}'; expected one of {string.Join(", ", allowed.Select(a => a.Length == 0 ? "(empty)" : a))}.");
            return null;
        }
        return text;
    }

    public void Error(CsvRow row, string column, string message) => Errors.Add(File, row.Line, row.ColumnOf(Col(column)), message);

    private static string NullHint(IReadOnlyCollection<string>? nullTokens) =>
        nullTokens is null || nullTokens.Count == 0 ? "" : $" or one of {string.Join(", ", nullTokens)} for no value";
}
