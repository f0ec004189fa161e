using System.Globalization;
using System.Text;

namespace Khanij.Core.Text;

/// <summary>Normalisation used for matching names in both scripts: NFC, no zero-width characters, NBSP as space,
/// nukta-free Devanagari variants folded, case-folded Latin, collapsed whitespace.</summary>
public static class TextNormalizer
{
    /// <summary>The matching key of <paramref name="text"/>. Two spellings that differ only in case, nukta, chandrabindu/anusvara,
    /// hyphens or spacing get the same key.</summary>
    public static string Key(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(s.Length);
        var lastSpace = true;
        foreach (var ch in s)
        {
            var c = ch;
            switch (c)
            {
                case '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u093C': // zero-width, nukta
                    continue;
                case '\u0901': // chandrabindu folds to anusvara
                    c = '\u0902';
                    break;
                case '\u00A0' or '-' or '\u2010' or '\u2011' or '\u2013' or '_' or '.' or '\'' or '\u2019':
                    c = ' ';
                    break;
            }
            if (char.IsWhiteSpace(c))
            {
                if (!lastSpace)
                {
                    sb.Append(' ');
                }
                lastSpace = true;
                continue;
            }
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark && c < '\u0900')
            {
                continue; // Latin diacritics: Türkiye -> turkiye
            }
            sb.Append(char.ToLowerInvariant(c));
            lastSpace = false;
        }
        return sb.ToString().TrimEnd().Normalize(NormalizationForm.FormC);
    }
}
