using System.Text;
using Khanij.Core.Text;

namespace Khanij.Cli.Reports;

/// <summary>
/// A boxed table laid out by terminal display width (<see cref="DisplayWidth"/>), for tables with Devanagari: Spectre.Console
/// counts Devanagari vowel signs that take their own column (ा ि ी ो) as zero wide, so its borders drift one column per sign
/// in a terminal. Too wide for <c>maxWidth</c>, the widest columns shrink and their cells wrap at spaces.
/// </summary>
internal sealed class TextTable(params string[] headers)
{
    private const int MinColumn = 6;
    private readonly List<string[]> _rows = [];

    public void AddRow(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"a row has {cells.Length} cells; the table has {headers.Length} columns.", nameof(cells));
        }
        _rows.Add(cells);
    }

    /// <summary>The table as lines, each at most <paramref name="maxWidth"/> columns when the columns can shrink that far.</summary>
    public IReadOnlyList<string> Lines(int maxWidth)
    {
        var widths = headers.Select((h, i) => _rows.Select(r => DisplayWidth.Of(r[i])).Append(DisplayWidth.Of(h)).Max()).ToArray();
        // Borders and padding: "│ " before each column and " │" after the last.
        var overhead = 3 * widths.Length + 1;
        while (widths.Sum() + overhead > maxWidth)
        {
            var widest = Array.IndexOf(widths, widths.Max());
            if (widths[widest] <= MinColumn)
            {
                break;
            }
            widths[widest]--;
        }
        var lines = new List<string> { Rule('┌', '┬', '┐', widths) };
        lines.AddRange(Row(headers, widths));
        lines.Add(Rule('├', '┼', '┤', widths));
        foreach (var row in _rows)
        {
            lines.AddRange(Row(row, widths));
        }
        lines.Add(Rule('└', '┴', '┘', widths));
        return lines;
    }

    private static string Rule(char left, char middle, char right, int[] widths) =>
        left + string.Join(middle, widths.Select(w => new string('─', w + 2))) + right;

    private static IEnumerable<string> Row(string[] cells, int[] widths)
    {
        var wrapped = cells.Select((c, i) => Wrap(c, widths[i])).ToList();
        var height = wrapped.Max(w => w.Count);
        for (var line = 0; line < height; line++)
        {
            var sb = new StringBuilder("│");
            for (var i = 0; i < cells.Length; i++)
            {
                var text = line < wrapped[i].Count ? wrapped[i][line] : "";
                sb.Append(' ').Append(text).Append(' ', widths[i] - DisplayWidth.Of(text)).Append(" │");
            }
            yield return sb.ToString();
        }
    }

    /// <summary>The cell's text in lines of at most <paramref name="width"/> columns, broken at spaces where possible.</summary>
    internal static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        var currentWidth = 0;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word;
            while (rest.Length > 0)
            {
                var w = DisplayWidth.Of(rest);
                var gap = currentWidth == 0 ? 0 : 1;
                if (currentWidth + gap + w <= width)
                {
                    current.Append(gap == 1 ? " " : "").Append(rest);
                    currentWidth += gap + w;
                    rest = "";
                }
                else if (currentWidth > 0)
                {
                    lines.Add(current.ToString());
                    current.Clear();
                    currentWidth = 0;
                }
                else
                {
                    var piece = DisplayWidth.Fit(rest, width);
                    if (piece.Length == 0)
                    {
                        piece = rest[..1]; // a wide character in a column narrower than it: let it overflow rather than loop
                    }
                    lines.Add(piece);
                    rest = rest[piece.Length..];
                }
            }
        }
        if (currentWidth > 0 || lines.Count == 0)
        {
            lines.Add(current.ToString());
        }
        return lines;
    }
}
