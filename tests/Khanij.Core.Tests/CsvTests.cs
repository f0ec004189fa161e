using CsCheck;
using Khanij.Core.Text;

namespace Khanij.Core.Tests;

public sealed class CsvTests
{
    [Fact]
    public void Parse_QuotedFieldWithCommaAndNewline_KeepsFieldWhole()
    {
        // Given
        const string text = "a,b\n1,\"x, y\nz\"\n2,3\n";

        // When
        var table = Csv.Parse(text, "t.csv");

        // Then
        table.Rows.Count.ShouldBe(2);
        table.Rows[0][1].ShouldBe("x, y\nz");
        table.Rows[1].Line.ShouldBe(4);
        table.Rows[1].ColumnOf(1).ShouldBe(3);
    }

    [Fact]
    public void Parse_UnclosedQuote_ThrowsWithLineAndColumn()
    {
        // When
        var e = Should.Throw<FormatException>(() => Csv.Parse("a,b\n1,\"oops\n", "bad.csv"));

        // Then
        e.Message.ShouldStartWith("bad.csv:2:3:");
    }

    [Fact]
    public void Parse_WrittenFields_RoundTrip() =>
        Gen.String[Gen.Char["ab,\"\n x"], 0, 8].Array[1, 5].Array[1, 6].Sample(rows =>
        {
            var width = rows[0].Length;
            var fixedRows = rows.Select(r => Enumerable.Range(0, width).Select(i => i < r.Length ? r[i] : "").ToArray()).ToArray();
            var text = "h" + string.Concat(Enumerable.Range(1, width - 1).Select(i => ",h" + i)) + "\n"
                + string.Concat(fixedRows.Select(r => string.Join(",", r.Select(f => "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")) + "\n"));
            var table = Csv.Parse(text, "p.csv");
            return table.Rows.Count == fixedRows.Length
                && table.Rows.Zip(fixedRows).All(p => p.First.Fields.SequenceEqual(p.Second));
        });
}
