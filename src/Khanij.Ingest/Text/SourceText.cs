using System.Text;

namespace Khanij.Ingest.Text;

/// <summary>A document's text as analysed (NBSP as space, zero-width characters and BOM dropped, CR LF as LF) with a map back
/// to the original, so that evidence is always a verbatim slice of what the user gave.</summary>
internal sealed class SourceText
{
    private readonly int[] _map; // _map[i] = index in Original of Text[i]; _map[Text.Length] = Original.Length

    private SourceText(string original, string text, int[] map)
    {
        Original = original;
        Text = text;
        _map = map;
    }

    /// <summary>The text exactly as given.</summary>
    public string Original { get; }

    /// <summary>The normalised text the stages read.</summary>
    public string Text { get; }

    public static SourceText From(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        var sb = new StringBuilder(original.Length);
        var map = new List<int>(original.Length + 1);
        for (var i = 0; i < original.Length; i++)
        {
            var c = original[i];
            switch (c)
            {
                case '\uFEFF' or '\u200B' or '\u200E' or '\u200F' or '\u2060' or '\u00AD':
                    continue;
                case '\u200C' or '\u200D':
                    continue; // ZWJ/ZWNJ only shape glyphs; names match without them
                case '\r':
                    if (i + 1 < original.Length && original[i + 1] == '\n')
                    {
                        continue;
                    }
                    c = '\n';
                    break;
                case '\u00A0' or '\u2007' or '\u202F' or '\t' or '\u3000' or '\u2002' or '\u2003' or '\u2009':
                    c = ' ';
                    break;
                case '\u2028' or '\u2029' or '\u0085':
                    c = '\n';
                    break;
            }
            if (char.IsControl(c) && c != '\n')
            {
                c = ' ';
            }
            sb.Append(c);
            map.Add(i);
        }
        map.Add(original.Length);
        return new SourceText(original, sb.ToString(), [.. map]);
    }

    /// <summary>The verbatim original slice behind <c>Text[start..end]</c>.</summary>
    public string Verbatim(int start, int end)
    {
        if (end <= start)
        {
            return "";
        }
        var from = _map[start];
        var to = _map[end - 1] + 1;
        return Original[from..to];
    }
}
