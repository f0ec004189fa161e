using System.Globalization;
using System.Text;

namespace Khanij.Core.Text;

/// <summary>
/// How many terminal columns text takes, as POSIX <c>wcwidth</c> counts them (what terminals use to place the cursor):
/// combining marks that sit on a letter (Unicode Mn, Me), format and control characters take none; East Asian wide and
/// full-width characters take two; everything else one, including Devanagari vowel signs that take their own space (Mc,
/// such as ा ि ी ो), which width tables that count every mark as zero get wrong.
/// </summary>
public static class DisplayWidth
{
    /// <summary>Columns <paramref name="text"/> takes on a terminal.</summary>
    public static int Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += Of(rune);
        }
        return width;
    }

    /// <summary>Columns one character takes: 0, 1 or 2.</summary>
    public static int Of(Rune rune)
    {
        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format or UnicodeCategory.Control:
                return 0;
        }
        return IsWide(rune.Value) ? 2 : 1;
    }

    /// <summary>The longest prefix of <paramref name="text"/> that fits in <paramref name="columns"/>, never splitting a
    /// character from the marks that follow it.</summary>
    public static string Fit(string text, int columns)
    {
        ArgumentNullException.ThrowIfNull(text);
        var width = 0;
        var end = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var w = Of(rune);
            if (width + w > columns && w > 0)
            {
                break;
            }
            width += w;
            end += rune.Utf16SequenceLength;
        }
        return text[..end];
    }

    // East Asian Wide (W) and Fullwidth (F) blocks, as wcwidth counts them.
    private static bool IsWide(int c) =>
        c is >= 0x1100 and <= 0x115F
            or >= 0x2E80 and <= 0x303E
            or >= 0x3041 and <= 0x33FF
            or >= 0x3400 and <= 0x4DBF
            or >= 0x4E00 and <= 0x9FFF
            or >= 0xA000 and <= 0xA4CF
            or >= 0xAC00 and <= 0xD7A3
            or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F
            or >= 0xFF00 and <= 0xFF60
            or >= 0xFFE0 and <= 0xFFE6
            or >= 0x1F300 and <= 0x1F64F
            or >= 0x1F900 and <= 0x1F9FF
            or >= 0x20000 and <= 0x3FFFD;
}
