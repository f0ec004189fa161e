using Khanij.Ingest.Recognition;

namespace Khanij.Ingest.Text;

/// <summary>Splits lines into sentences at । ॥ ? ! and at a full stop followed by a space or the end, except after
/// abbreviations (Dr., Sh., Mr., U.S., No., Rs., single capitals, Devanagari initials such as एच.डी.). A line break always ends
/// a sentence. Leading datelines ("NEW DELHI, Jan 5 (PTI):") are left out of the sentence.</summary>
internal static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "dr", "sh", "shri", "smt", "mr", "mrs", "ms", "st", "no", "nos", "rs", "vs", "etc", "e.g", "i.e", "jr", "sr", "prof", "gen", "col",
        "lt", "capt", "govt", "dept", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "approx", "fig", "art", "min", "u.s", "u.k", "u.n", "hon", "एम", "डॉ", "श्री",
    };

    private static readonly HashSet<string> DevanagariInitials = new(StringComparer.Ordinal)
    {
        "ए", "बी", "सी", "डी", "ई", "एफ", "जी", "एच", "आई", "जे", "के", "एल", "एम", "एन", "ओ", "पी", "क्यू", "आर", "एस", "टी", "यू", "वी",
        "डब्ल्यू", "एक्स", "वाई", "जेड", "डॉ",
    };

    private static readonly HashSet<string> Agencies = new(StringComparer.OrdinalIgnoreCase)
    {
        "PTI", "IANS", "ANI", "UNI", "Reuters", "AFP", "AP", "Bloomberg", "भाषा", "वार्ता", "एजेंसी", "आईएएनएस", "पीटीआई", "एएनआई", "यूएनआई",
        "हि.स.", "हिस", "ब्यूरो", "Bureau", "Xinhua",
    };

    public static List<Sentence> Split(string text, SourceText source, IReadOnlyList<DocLine> lines)
    {
        var sentences = new List<Sentence>();
        foreach (var line in lines)
        {
            if (line.Kind is LineKind.Boilerplate or LineKind.Metadata)
            {
                continue;
            }
            var start = SkipDateline(text, line.Start, line.End);
            for (var i = start; i < line.End; i++)
            {
                var c = text[i];
                var end = -1;
                if (c is '।' or '॥' or '?' or '!')
                {
                    end = i + 1;
                }
                else if (c == '.' && (i + 1 == line.End || text[i + 1] is ' ' or '"' or '\'' or '”' or '’' or ')') && !IsAbbreviation(text, start, i))
                {
                    end = i + 1;
                }
                if (end < 0)
                {
                    continue;
                }
                while (end < line.End && text[end] is '"' or '\'' or '”' or '’' or ')' or '।' or '.' or '!' or '?')
                {
                    end++;
                }
                Add(sentences, text, source, line, start, end);
                start = end;
                i = end - 1;
            }
            Add(sentences, text, source, line, start, line.End);
        }
        return sentences;
    }

    private static void Add(List<Sentence> sentences, string text, SourceText source, DocLine line, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        if (end - start < 2)
        {
            return;
        }
        var hasLetter = false;
        for (var i = start; i < end && !hasLetter; i++)
        {
            hasLetter = char.IsLetter(text[i]);
        }
        if (hasLetter)
        {
            sentences.Add(new Sentence(sentences.Count, start, end, line.Paragraph, line.Kind, source.Verbatim(start, end)));
        }
    }

    private static bool IsAbbreviation(string text, int lineStart, int dot)
    {
        var s = dot;
        while (s > lineStart && (char.IsLetter(text[s - 1]) || Tokenizer.IsMark(text[s - 1]) || text[s - 1] == '.'))
        {
            s--;
        }
        var word = text[s..dot];
        if (word.Length == 0)
        {
            return char.IsDigit(text[dot - 1 < lineStart ? dot : dot - 1]) && dot + 2 < text.Length && char.IsDigit(text[dot + 1]);
        }
        if (Abbreviations.Contains(word) || (word.Length == 1 && char.IsUpper(word[0])))
        {
            return true;
        }
        if (word.Contains('.', StringComparison.Ordinal) && word.Split('.').All(p => p.Length <= 2 || DevanagariInitials.Contains(p)))
        {
            return true; // U.S., e.g, एच.डी
        }
        var last = word.Contains('.', StringComparison.Ordinal) ? word[(word.LastIndexOf('.') + 1)..] : word;
        if (DevanagariInitials.Contains(last))
        {
            // "एच.डी. कुमारस्वामी" is an initial; a sentence ending in "… के." is not. Initials come in chains or before a name.
            return word.Contains('.', StringComparison.Ordinal) || last is not ("के" or "जी" or "ई" or "ए" or "ओ");
        }
        return false;
    }

    /// <summary>Skips a wire dateline in either script: "नई दिल्ली, 5 मई (भाषा)", "Mumbai, March 3 (Reuters) -": a few words,
    /// an optional comma and short date, and an agency in parentheses, all within the first 50 characters.</summary>
    private static int SkipAgencyDateline(string text, int start, int end)
    {
        var limit = Math.Min(end, start + 50);
        var open = text.IndexOf('(', start, limit - start);
        if (open < 0 || open - start > 35)
        {
            return start;
        }
        var prefix = text.AsSpan(start, open - start);
        if (prefix.Count(' ') > 5 || prefix.ContainsAny("।.:;!?\"".AsSpan()))
        {
            return start;
        }
        var close = text.IndexOf(')', open, limit - open);
        if (close < 0 || close - open > 25)
        {
            return start;
        }
        var agency = text.AsSpan(open + 1, close - open - 1).Trim();
        var datedPrefix = prefix.Contains(',') && prefix.IndexOfAnyInRange('0', '9') >= 0;
        if (!datedPrefix && !Agencies.Contains(agency.ToString()))
        {
            return start; // "India (the host) and Chile …" is a sentence, not a dateline
        }
        var i = close + 1;
        while (i < end && text[i] is ' ' or '-' or '–' or '—' or ':' or '।')
        {
            i++;
        }
        return i;
    }

    /// <summary>Skips "Santiago, Nov 30:", "Mumbai, 12 March – ", "लुसाका, 7 अक्टूबर।": a place of at most four capitalised (or Devanagari)
    /// words, a comma, a short date with a digit, then a colon, dash or danda.</summary>
    private static int SkipPlaceDateDateline(string text, int start, int end)
    {
        var comma = text.IndexOf(',', start, Math.Min(end, start + 30) - start);
        if (comma <= start)
        {
            return start;
        }
        var words = text[start..comma].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 4 || !words.All(w => char.IsUpper(w[0]) || w[0] is >= '\u0900' and <= '\u097F'))
        {
            return start;
        }
        var limit = Math.Min(end, comma + 26);
        for (var k = comma + 1; k < limit; k++)
        {
            var c = text[k];
            if (c is '!' or '?' or ';' or '"' || (c == '.' && k + 1 < limit && text[k + 1] == ' ' && !char.IsLetter(text[k - 1])))
            {
                return start;
            }
            var stop = c is ':' or '–' or '—' or '।' || (c == '-' && text[k - 1] == ' ' && k + 1 < end && text[k + 1] == ' ');
            if (!stop)
            {
                continue;
            }
            var date = text.AsSpan(comma + 1, k - comma - 1);
            if (date.IndexOfAnyInRange('0', '9') < 0 && date.IndexOfAnyInRange('\u0966', '\u096F') < 0)
            {
                return start;
            }
            var i = k + 1;
            while (i < end && text[i] == ' ')
            {
                i++;
            }
            return i;
        }
        return start;
    }

    /// <summary>Skips an English dateline such as "NEW DELHI, Jan 5 (PTI) -" or "MUMBAI:" at the start of a line.</summary>
    private static int SkipDateline(string text, int start, int end)
    {
        var agency = SkipAgencyDateline(text, start, end);
        if (agency > start)
        {
            return agency;
        }
        if (SkipPlaceDateDateline(text, start, end) is var placed && placed > start)
        {
            return placed;
        }
        var limit = Math.Min(end, start + 60);
        var i = start;
        var upper = 0;
        while (i < limit && (char.IsAsciiLetterUpper(text[i]) || text[i] == ' ' || text[i] == '.'))
        {
            if (char.IsAsciiLetterUpper(text[i]))
            {
                upper++;
            }
            i++;
        }
        if (upper < 4)
        {
            return start;
        }
        var j = i;
        while (j < limit && text[j] is not (':' or '–' or '—'))
        {
            if (text[j] is '।' or '.' && j + 1 < limit && text[j + 1] == ' ' && !char.IsDigit(text[j - 1]))
            {
                break;
            }
            j++;
        }
        if (j < limit && text[j] is ':' or '–' or '—')
        {
            return j + 1;
        }
        // "WASHINGTON, May 6, 2026 - The United States …": capitals, comma, a date, then a spaced hyphen
        var dash = text.IndexOf(" - ", i, limit - i, StringComparison.Ordinal);
        if (dash > i && text[i] == ',' && text.AsSpan(i, dash - i).IndexOfAnyInRange('0', '9') >= 0
            && !text.AsSpan(i, dash - i).ContainsAny("।.:;!?\"".AsSpan()))
        {
            return dash + 3;
        }
        return start;
    }
}
