namespace Khanij.Ingest.Text;

/// <summary>Script and language by counting letters.</summary>
internal static class Script
{
    public static bool IsDevanagari(char c) => c is >= '\u0900' and <= '\u097F' or >= '\uA8E0' and <= '\uA8FF';

    public static (int Devanagari, int Latin) Count(ReadOnlySpan<char> text)
    {
        int dev = 0, lat = 0;
        foreach (var c in text)
        {
            if (IsDevanagari(c))
            {
                dev++;
            }
            else if (char.IsAsciiLetter(c) || c is >= '\u00C0' and <= '\u024F')
            {
                lat++;
            }
        }
        return (dev, lat);
    }

    /// <summary><c>hi</c> when Devanagari letters dominate, <c>en</c> when Latin letters dominate, else <c>mixed</c>
    /// (or <c>und</c> with no letters at all).</summary>
    public static string Language(int devanagari, int latin)
    {
        if (devanagari + latin == 0)
        {
            return "und";
        }
        var share = (double)devanagari / (devanagari + latin);
        return share >= 0.6 ? "hi" : share <= 0.2 ? "en" : "mixed";
    }
}
