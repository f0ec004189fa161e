using Khanij.Ingest.Dates;

namespace Khanij.Ingest.Text;

/// <summary>Splits the normalised text into lines and marks boilerplate by structure and cues, never by known texts:
/// marker lines (Advertisement, "यह भी पढ़ें", Also Read), footer headings after which the rest is lists and forms
/// (Tags, popular post, Similar News, Leave a Reply, a row of asterisks), ticker runs before the first paragraph (long lines
/// without sentence punctuation), captions in the other script, repeated lines, and metadata lines (dates, bylines).</summary>
internal static class Boilerplate
{
    private static readonly string[] Markers =
    [
        "advertisement", "advertisment", "विज्ञापन", "sponsored", "यह भी पढ़ें", "ये भी पढ़ें", "इसे भी पढ़ें", "यह भी पढ़े", "also read",
        "read also", "read more", "और पढ़ें", "facebookmetapixel", "share", "शेयर करें", "follow us", "subscribe", "podcast video", "वेब स्टोरीज़",
        "web stories", "शॉर्ट्स", "shorts", "click here", "यहां क्लिक करें", "download app", "ऐप डाउनलोड करें", "trending", "ट्रेंडिंग",
    ];

    private static readonly string[] ReadAlso = ["यह भी पढ़ें", "ये भी पढ़ें", "इसे भी पढ़ें", "यह भी पढ़े", "also read", "read also", "read more", "और पढ़ें"];

    private static readonly string[] FooterHeadings =
    [
        "tags", "popular post", "popular posts", "similar news", "related news", "related posts", "related articles", "related stories",
        "संबंधित पोस्ट", "संबंधित खबरें", "संबंधित ख़बरें", "संबंधित समाचार", "leave a reply", "leave a comment", "post a comment", "comments",
        "टिप्पणियाँ", "टिप्पणियां", "more from", "latest news", "ताज़ा खबरें", "ताजा खबरें", "you may also like", "recommended",
        "आपके लिए", "इन्हें भी पढ़ें", "must read",
    ];

    private static readonly string[] MetadataLabels =
    [
        "published", "updated", "update", "posted", "last updated", "first published", "प्रकाशित", "अपडेट", "अपडेटेड", "प्रविष्टि तिथि",
        "दिनांक", "date", "release id", "रिलीज़ आईडी", "रिलीज आईडी", "आगंतुक पटल", "visitor counter", "by pib", "written by", "edited by",
        "लेखक", "संवाददाता", "reported by",
    ];

    public static List<DocLine> Classify(string text, string folded)
    {
        var raw = new List<(int Start, int End, int Paragraph)>();
        var paragraph = 0;
        var lineStart = 0;
        var blank = false;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n')
            {
                continue;
            }
            var (s, e) = Trim(text, lineStart, i);
            if (e > s)
            {
                if (blank && raw.Count > 0)
                {
                    paragraph++;
                }
                raw.Add((s, e, paragraph));
                blank = false;
            }
            else
            {
                blank = true;
            }
            lineStart = i + 1;
        }

        var (dev, lat) = Script.Count(text);
        var language = Script.Language(dev, lat);
        var lines = new List<DocLine>(raw.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var footerFrom = int.MaxValue;
        var seenParagraph = false;
        var skipNextShort = false;
        var labelPending = false;
        for (var k = 0; k < raw.Count; k++)
        {
            var (s, e, p) = raw[k];
            var line = text.AsSpan(s, e - s);
            var lower = line.ToString().ToLowerInvariant().TrimEnd(':', ' ', '-', '|').Trim();
            LineKind kind;
            string reason;
            var keepLabel = false;
            if (s >= footerFrom)
            {
                (kind, reason) = (LineKind.Boilerplate, "footer");
            }
            else if (IsMarker(lower))
            {
                (kind, reason) = (LineKind.Boilerplate, "marker");
                skipNextShort = ReadAlso.Any(r => lower.StartsWith(r, StringComparison.Ordinal));
            }
            else if (IsInlineReadAlso(lower))
            {
                (kind, reason) = (LineKind.Boilerplate, "linked headline");
            }
            else if (IsNavigation(line))
            {
                (kind, reason) = (LineKind.Boilerplate, "navigation");
            }
            else if (IsFooterHeading(lower) || IsRule(line))
            {
                if (s > text.Length * 3 / 10)
                {
                    footerFrom = s;
                    (kind, reason) = (LineKind.Boilerplate, "footer");
                }
                else
                {
                    (kind, reason) = (LineKind.Boilerplate, "list heading");
                    skipNextShort = true;
                }
            }
            else if (skipNextShort && !EndsSentence(line) && line.Length < 160)
            {
                (kind, reason) = (LineKind.Boilerplate, "linked headline");
                skipNextShort = false;
            }
            else if (IsMetadata(line, lower, folded.AsSpan(s, e - s), labelPending, out var isLabel))
            {
                (kind, reason) = (LineKind.Metadata, "metadata");
                keepLabel = isLabel;
            }
            else if (!seenParagraph && line.Length >= 150 && !EndsSentence(line) && Density(line) < 1.0 / 150)
            {
                (kind, reason) = (LineKind.Boilerplate, "ticker");
            }
            else if (IsOtherScriptCaption(line, language))
            {
                (kind, reason) = (LineKind.Boilerplate, "caption");
            }
            else if (!seen.Add(Collapse(lower)))
            {
                (kind, reason) = (LineKind.Boilerplate, "repeated line");
            }
            else if (!EndsSentence(line) && line.Length < 200)
            {
                (kind, reason) = (LineKind.Heading, "heading");
            }
            else
            {
                (kind, reason) = (LineKind.Body, "body");
                if (line.Length >= 80)
                {
                    seenParagraph = true;
                }
            }
            labelPending = keepLabel;
            if (reason is not ("marker" or "list heading"))
            {
                skipNextShort = false;
            }
            lines.Add(new DocLine(s, e, p, kind, reason));
        }
        return lines;
    }

    private static bool IsMarker(string lower)
    {
        foreach (var m in Markers)
        {
            if (lower == m || (lower.StartsWith(m, StringComparison.Ordinal) && lower.Length <= m.Length + 4 && !lower[m.Length..].Any(char.IsLetter)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>"Also Read: India, Japan sign …" / "यह भी पढ़ें: …": a link to another story on the same line.</summary>
    private static bool IsInlineReadAlso(string lower) =>
        ReadAlso.Any(r => lower.StartsWith(r, StringComparison.Ordinal) && lower.Length > r.Length + 1
            && lower[r.Length..].TrimStart()[0] is ':' or '-' or '|' or '–' or '—' or '>' or '»');

    /// <summary>A menu: "Home | World | Business | Markets" or "होम  देश  विदेश  व्यापार" (items separated by bars or wide gaps).</summary>
    private static bool IsNavigation(ReadOnlySpan<char> line)
    {
        if (line.Length > 160 || EndsSentence(line))
        {
            return false;
        }
        var bars = line.Count('|') + line.Count('•');
        var gaps = 0;
        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] == ' ' && line[i - 1] == ' ' && (i + 1 >= line.Length || line[i + 1] != ' '))
            {
                gaps++;
            }
        }
        return bars >= 3 || gaps >= 3;
    }

    private static bool IsFooterHeading(string lower) =>
        lower.Length <= 40 && FooterHeadings.Any(h => lower == h || (lower.StartsWith(h, StringComparison.Ordinal) && !lower[h.Length..].Any(char.IsLetter)));

    private static bool IsRule(ReadOnlySpan<char> line)
    {
        if (line.Length < 3)
        {
            return false;
        }
        foreach (var c in line)
        {
            if (c is not ('*' or '-' or '_' or '=' or '~' or ' ' or '•'))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsMetadata(ReadOnlySpan<char> line, string lower, ReadOnlySpan<char> folded, bool labelPending, out bool isLabel)
    {
        isLabel = false;
        if (line.Length <= 2_000 && IsUrl(line))
        {
            return true; // a page address printed with the story (read for its date only); slugs make them long
        }
        if (line.Length > 120)
        {
            return false;
        }
        var head = lower.TrimStart('(', ' ');
        var unterminated = !EndsSentence(line);
        var labelled = MetadataLabels.Any(l => head.StartsWith(l, StringComparison.Ordinal)
            || (unterminated && ContainsWord(lower, l))); // "By Our Bureau | Updated on December 2, 2025"
        var mayBeDateLine = folded.IndexOfAnyInRange('0', '9') >= 0 && (labelled || labelPending || line.Length <= 90);
        IReadOnlyList<DateMention> dates = mayBeDateLine ? DateParser.Find(folded.ToString()) : [];
        var hasDate = dates.Any(d => d.Date is not null);
        if (labelled && !hasDate && line.Length <= 40)
        {
            isLabel = lower.EndsWith(':') || line.EndsWith(":", StringComparison.Ordinal) || !lower.Any(char.IsDigit);
            return true; // a label whose date follows on the next line, or a release id / counter line
        }
        if (!hasDate)
        {
            return labelPending && IsTimeOnly(lower);
        }
        if (labelled || labelPending)
        {
            return true;
        }
        // an unlabelled line that is mostly a date and time (e.g. "07 Aug, 2025" or "29 JAN 2026 4:30PM by PIB Delhi")
        var covered = dates.Where(d => d.Date is not null).Sum(d => d.End - d.Start);
        var letters = 0;
        foreach (var c in line)
        {
            if (char.IsLetter(c))
            {
                letters++;
            }
        }
        if (line.Length <= 60 && (covered * 2 >= line.Length || letters <= 16) && unterminated)
        {
            return true;
        }
        // a byline or page header: a full date with a clock time ("Sept 21, 2025 07:30 am IST | Staff Reporter") or after a weekday
        // name ("Sunday, November 30, 2025 | e-Paper")
        var foldedText = folded.ToString();
        return unterminated && (Dates.DateParser.HasClock(foldedText) || Dates.DateParser.HasWeekdayDate(foldedText));
    }

    /// <summary>A line that is one web address ("https://site/2026/01/22/slug", "www.site.in/…").</summary>
    public static bool IsUrl(ReadOnlySpan<char> line) =>
        line.Length >= 8 && !line.Contains(' ') && (line.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || line.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || line.StartsWith("www.", StringComparison.OrdinalIgnoreCase));

    private static bool ContainsWord(string lower, string word)
    {
        for (var at = lower.IndexOf(word, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 || !char.IsLetter(lower[at - 1]);
            var end = at + word.Length;
            var after = end >= lower.Length || !(char.IsLetter(lower[end]) || Recognition.Tokenizer.IsMark(lower[end]));
            if (before && after)
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsTimeOnly(string lower)
    {
        var s = lower.Trim('(', ')', ' ');
        return s.Length <= 16 && s.Contains(':', StringComparison.Ordinal) && s.Count(char.IsLetter) <= 4;
    }

    private static bool IsOtherScriptCaption(ReadOnlySpan<char> line, string language)
    {
        if (line.Length > 120 || EndsSentence(line))
        {
            return false;
        }
        var (dev, lat) = Script.Count(line);
        return (language == "hi" && dev == 0 && lat >= 3) || (language == "en" && lat == 0 && dev >= 3);
    }

    public static bool EndsSentence(ReadOnlySpan<char> line)
    {
        var t = line.TrimEnd(" \"'”’)»".AsSpan());
        return t.Length > 0 && t[^1] is '।' or '.' or '?' or '!' or '॥' or ':' && !(t[^1] == ':' && t.Length < 40);
    }

    private static double Density(ReadOnlySpan<char> line)
    {
        var n = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '।' || (line[i] == '.' && i + 1 < line.Length && line[i + 1] == ' ' && i > 0 && char.IsLetter(line[i - 1])))
            {
                n++;
            }
        }
        return (double)n / line.Length;
    }

    private static string Collapse(string lower) => string.Join(' ', lower.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        return (start, end);
    }
}
