using System.Text;

namespace Khanij.Core.Text;

/// <summary>An RFC 4180 CSV reader over text already in memory (no I/O). Quoted fields may hold commas, quotes and newlines.</summary>
public static class Csv
{
    /// <summary>Parses <paramref name="text"/>; the first record is the header. Empty lines are skipped.</summary>
    /// <param name="text">The whole file's text.</param>
    /// <param name="source">A name for messages (usually the file name).</param>
    /// <param name="separator">The field separator, a comma unless given.</param>
    /// <exception cref="FormatException">An unterminated quoted field; the message names the line and column.</exception>
    public static CsvTable Parse(string text, string source, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<CsvRow>();
        var fields = new List<string>();
        var columns = new List<int>();
        var field = new StringBuilder();
        int line = 1, col = 1, recordLine = 1, fieldCol = 1;
        var i = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            i = 1;
        }
        var inQuotes = false;
        var afterQuote = false;
        int quoteLine = 0, quoteCol = 0;
        var anyContent = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                        col += 2;
                        continue;
                    }
                    inQuotes = false;
                    afterQuote = true;
                    col++;
                    continue;
                }
                field.Append(c);
                if (c == '\n') { line++; col = 1; } else { col++; }
                continue;
            }
            if (afterQuote && c != separator && c != '\r' && c != '\n')
            {
                // "NMC 111"x is not a field: RFC 4180 allows nothing between a closing quote and the separator.
                throw new FormatException($"{source}:{line}:{col}: '{Shown(c)}' after the closing quote of the field that starts at column "
                    + $"{quoteCol}; expected a '{separator}' or the end of the line (write a quote inside a quoted field as \"\").");
            }
            afterQuote = false;
            if (c == '"' && field.Length == 0)
            {
                inQuotes = true;
                anyContent = true;
                quoteLine = line;
                quoteCol = col;
                col++;
                continue;
            }
            if (c == separator)
            {
                fields.Add(field.ToString());
                columns.Add(fieldCol);
                field.Clear();
                anyContent = true;
                col++;
                fieldCol = col;
                continue;
            }
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }
            if (c == '\n' || c == '\r')
            {
                EndRecord();
                line++;
                col = 1;
                fieldCol = 1;
                recordLine = line;
                continue;
            }
            field.Append(c);
            anyContent = true;
            col++;
        }
        if (inQuotes)
        {
            throw new FormatException($"{source}:{quoteLine}:{quoteCol}: a quoted field is never closed; expected a closing '\"'.");
        }
        EndRecord();
        if (records.Count == 0)
        {
            return new CsvTable(source, [], []);
        }
        var header = records[0].Fields.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        var firstAt = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var h = 0; h < header.Count; h++)
        {
            if (header[h].Length > 0 && !firstAt.TryAdd(header[h], h))
            {
                // A second copy of a column (or a case variant) would silently be ignored by every reader that looks columns up by name.
                var first = firstAt[header[h]];
                throw new FormatException($"{source}:{records[0].Line}:{records[0].Columns[h]}: the header names the column '{header[h]}' twice "
                    + $"(first as '{header[first]}' at column {records[0].Columns[first]}); expected each column once.");
            }
        }
        return new CsvTable(source, header, records.Skip(1).ToList());

        static string Shown(char c) => char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString();

        void EndRecord()
        {
            if (!anyContent && field.Length == 0 && fields.Count == 0)
            {
                return;
            }
            fields.Add(field.ToString());
            columns.Add(fieldCol);
            records.Add(new CsvRow(recordLine, fields.ToArray(), columns.ToArray()));
            fields.Clear();
            columns.Clear();
            field.Clear();
            anyContent = false;
        }
    }
}
