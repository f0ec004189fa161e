namespace Khanij.Core.Text;

/// <summary>A parsed CSV file: a header and rows of fields, each field remembering its 1-based line and column.</summary>
/// <param name="Source">The name of the file or text the table was read from, used in messages.</param>
/// <param name="Header">Column names, trimmed, with a leading byte-order mark removed.</param>
/// <param name="Rows">Data rows; a row may have fewer or more fields than the header.</param>
public sealed record CsvTable(string Source, IReadOnlyList<string> Header, IReadOnlyList<CsvRow> Rows)
{
    /// <summary>The index of a column by name (ordinal, case-insensitive), or -1.</summary>
    public int IndexOf(string column)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (string.Equals(Header[i], column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }
}

/// <summary>One data row of a <see cref="CsvTable"/>.</summary>
/// <param name="Line">1-based line number where the row starts.</param>
/// <param name="Fields">The row's fields, unquoted.</param>
/// <param name="Columns">1-based character column where each field starts.</param>
public sealed record CsvRow(int Line, IReadOnlyList<string> Fields, IReadOnlyList<int> Columns)
{
    /// <summary>The field at <paramref name="index"/>, or an empty string when the row is short.</summary>
    public string this[int index] => index >= 0 && index < Fields.Count ? Fields[index] : "";

    /// <summary>The 1-based column of field <paramref name="index"/>, or 1 past the row's last field when short.</summary>
    public int ColumnOf(int index) =>
        index >= 0 && index < Columns.Count ? Columns[index] : (Columns.Count == 0 ? 1 : Columns[^1] + Fields[^1].Length + 1);
}
