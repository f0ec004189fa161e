using System.Globalization;

namespace Khanij.Ingest.Recognition;

/// <summary>Splits text into words (letters, combining marks, digits) and gives each a matching key: lower case, nukta and
/// chandrabindu folded, long/short i and u and the ऑ/आ pair merged, the Hindi oblique plural "ों" and the English plural "s"
/// removed. The same key function is applied to lexicon entries, so spelling variants meet in the middle.</summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string text, int start = 0, int end = -1)
    {
        if (end < 0)
        {
            end = text.Length;
        }
        var tokens = new List<Token>();
        var i = start;
        while (i < end)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }
            var s = i;
            while (i < end && (IsWordChar(text[i]) || (text[i] == '&' && i + 1 < end && IsWordChar(text[i + 1]) && i > s && char.IsAsciiLetterUpper(text[i - 1]))))
            {
                i++;
            }
            var surface = text[s..i];
            tokens.Add(new Token(s, i, surface, Key(surface)));
        }
        return tokens;
    }

    public static bool IsMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    public static bool IsWordChar(char c)
    {
        if (char.IsLetterOrDigit(c))
        {
            return true;
        }
        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    /// <summary>The matching key of one word.</summary>
    public static string Key(string word)
    {
        Span<char> buffer = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
        var n = 0;
        foreach (var ch in word)
        {
            var c = ch switch
            {
                '\u093C' => '\0',            // nukta
                '\u0901' => '\u0902',        // chandrabindu -> anusvara
                '\u0940' => '\u093F',        // ी -> ि
                '\u0942' => '\u0941',        // ू -> ु
                '\u0908' => '\u0907',        // ई -> इ
                '\u090A' => '\u0909',        // ऊ -> उ
                '\u0949' => '\u093E',        // ॉ -> ा
                '\u0911' => '\u0906',        // ऑ -> आ
                >= '\u0958' and <= '\u095F' => "\u0915\u0916\u0917\u091C\u0921\u0922\u092B\u092F"[ch - '\u0958'],
                '\u0929' => '\u0928',
                '\u0931' => '\u0930',
                >= '\u0966' and <= '\u096F' => (char)('0' + (ch - '\u0966')),
                _ => char.ToLowerInvariant(ch),
            };
            if (c != '\0')
            {
                buffer[n++] = c;
            }
        }
        var key = new string(buffer[..n]);
        if (key.Length > 2 && key.EndsWith("\u094B\u0902", StringComparison.Ordinal))
        {
            return key[..^2]; // ों
        }
        if (key.Length > 3 && key[^1] == 's' && key[^2] != 's' && char.IsAsciiLetterLower(key[0]))
        {
            return key[..^1];
        }
        return key;
    }
}
