using System.Net;
using System.Text;

namespace Khanij.Ingest.Html;

/// <summary>The text of an HTML page: markup, scripts, styles, navigation, headers/footers, forms and asides removed, block
/// elements as line breaks, entities decoded. One pass over the input without recursion, so deeply nested or broken markup
/// costs the same as flat markup.</summary>
internal static class HtmlToText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "nav", "footer", "aside", "form", "template", "svg", "iframe", "button", "select", "head",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article", "header",
        "blockquote", "figcaption", "figure", "title", "time", "dd", "dt", "hr", "main", "pre",
    };

    /// <summary>True when the text looks like an HTML page rather than plain text.</summary>
    public static bool LooksLikeHtml(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 4096)).TrimStart();
        return head.StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (head.StartsWith("<", StringComparison.Ordinal) && (head.Contains("<body", StringComparison.OrdinalIgnoreCase)
                || head.Contains("<p>", StringComparison.OrdinalIgnoreCase) || head.Contains("<div", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Converts <paramref name="html"/> to text. <paramref name="published"/> receives the page's declared publication time
    /// (<c>article:published_time</c>, <c>datePublished</c>, <c>&lt;time datetime&gt;</c>) when present, as written.</summary>
    public static string Convert(string html, out string? published)
    {
        published = null;
        var sb = new StringBuilder(html.Length / 2);
        var text = new StringBuilder();
        var skipDepth = 0;
        string? skipTag = null;
        var i = 0;
        var nextGt = -2; // cached position of the next '>' (-1: none left), so runs of stray '<' stay linear
        while (i < html.Length)
        {
            var c = html[i];
            if (c != '<')
            {
                if (skipDepth == 0)
                {
                    text.Append(c);
                }
                i++;
                continue;
            }
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                nextGt = -2;
                continue;
            }
            if (nextGt != -1 && nextGt < i + 1)
            {
                nextGt = html.IndexOf('>', i + 1);
            }
            var close = nextGt;
            if (close < 0)
            {
                if (skipDepth == 0)
                {
                    text.Append(html, i, html.Length - i);
                }
                break;
            }
            var (name, isEnd, selfClosing) = TagName(html, i + 1, close);
            if (name.Length == 0)
            {
                if (skipDepth == 0)
                {
                    text.Append('<');
                }
                i++;
                continue;
            }
            if (skipDepth > 0)
            {
                if (string.Equals(name, skipTag, StringComparison.OrdinalIgnoreCase) && !selfClosing)
                {
                    skipDepth += isEnd ? -1 : 1;
                }
                if (skipDepth == 0)
                {
                    skipTag = null;
                }
                if (string.Equals(name, "meta", StringComparison.OrdinalIgnoreCase))
                {
                    published ??= PublishedFromMeta(html.AsSpan(i, close - i));
                }
                else if (!isEnd && published is null && string.Equals(name, "script", StringComparison.OrdinalIgnoreCase))
                {
                    published = PublishedFromJsonLd(html, close + 1); // JSON-LD usually sits in <head>
                }
                i = close + 1;
                continue;
            }
            if (!isEnd && !selfClosing && Skipped.Contains(name))
            {
                if (string.Equals(name, "script", StringComparison.OrdinalIgnoreCase))
                {
                    published ??= PublishedFromJsonLd(html, close + 1);
                }
                Flush(text, sb);
                skipTag = name;
                skipDepth = 1;
                i = close + 1;
                continue;
            }
            if (string.Equals(name, "meta", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "time", StringComparison.OrdinalIgnoreCase))
            {
                published ??= PublishedFromMeta(html.AsSpan(i, close - i));
            }
            if (Blocks.Contains(name))
            {
                Flush(text, sb);
                sb.Append('\n');
                if (name.Length == 2 && name[0] is 'h' or 'H' || string.Equals(name, "p", StringComparison.OrdinalIgnoreCase))
                {
                    sb.Append('\n');
                }
            }
            else if (string.Equals(name, "td", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "th", StringComparison.OrdinalIgnoreCase))
            {
                text.Append(' ');
            }
            i = close + 1;
        }
        Flush(text, sb);
        return CollapseBlankLines(sb.ToString());
    }

    private static void Flush(StringBuilder text, StringBuilder sb)
    {
        if (text.Length == 0)
        {
            return;
        }
        var decoded = WebUtility.HtmlDecode(text.ToString());
        foreach (var ch in decoded)
        {
            sb.Append(ch is '\n' or '\r' or '\t' ? ' ' : ch);
        }
        text.Clear();
    }

    private static (string Name, bool IsEnd, bool SelfClosing) TagName(string html, int start, int close)
    {
        var i = start;
        var isEnd = false;
        if (i < close && html[i] == '/')
        {
            isEnd = true;
            i++;
        }
        var nameStart = i;
        while (i < close && (char.IsAsciiLetterOrDigit(html[i]) || html[i] == '-'))
        {
            i++;
        }
        if (i == nameStart || !char.IsAsciiLetter(html[nameStart]))
        {
            return ("", false, false);
        }
        var selfClosing = close > start && html[close - 1] == '/';
        return (html[nameStart..i], isEnd, selfClosing);
    }

    /// <summary>The <c>"datePublished": "…"</c> of a JSON-LD script that starts at <paramref name="from"/>, looking no further than
    /// the script's end (or 64 KB).</summary>
    private static string? PublishedFromJsonLd(string html, int from)
    {
        var end = html.IndexOf("</script", from, Math.Min(html.Length - from, 65_536), StringComparison.OrdinalIgnoreCase);
        var body = html.AsSpan(from, (end < 0 ? Math.Min(html.Length - from, 65_536) : end - from));
        var at = body.IndexOf("\"datePublished\"", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }
        var rest = body[(at + 15)..];
        var q1 = rest.IndexOf('"');
        if (q1 < 0)
        {
            return null;
        }
        rest = rest[(q1 + 1)..];
        var q2 = rest.IndexOf('"');
        return q2 < 0 ? null : rest[..q2].ToString();
    }

    private static string? PublishedFromMeta(ReadOnlySpan<char> tag)
    {
        var isPublished = tag.Contains("published_time", StringComparison.OrdinalIgnoreCase) || tag.Contains("datePublished", StringComparison.OrdinalIgnoreCase)
            || tag.Contains("publish-date", StringComparison.OrdinalIgnoreCase) || tag.Contains("publishdate", StringComparison.OrdinalIgnoreCase)
            || tag.Contains("pubdate", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("<time", StringComparison.OrdinalIgnoreCase);
        if (!isPublished)
        {
            return null;
        }
        foreach (var attribute in new[] { "content=", "datetime=" })
        {
            var at = tag.IndexOf(attribute, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                continue;
            }
            var rest = tag[(at + attribute.Length)..];
            if (rest.Length > 0 && rest[0] is '"' or '\'')
            {
                var quote = rest[0];
                rest = rest[1..];
                var end = rest.IndexOf(quote);
                return end < 0 ? null : rest[..end].ToString();
            }
        }
        return null;
    }

    private static string CollapseBlankLines(string text)
    {
        var sb = new StringBuilder(text.Length);
        var newlines = 0;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim(' ');
            if (trimmed.Length == 0)
            {
                newlines++;
                continue;
            }
            if (sb.Length > 0)
            {
                sb.Append(newlines > 1 ? "\n\n" : "\n");
            }
            sb.Append(trimmed);
            newlines = 1;
        }
        return sb.ToString();
    }
}
