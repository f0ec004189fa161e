using System.Globalization;
using System.Xml;

namespace Khanij.Ingest.Feeds;

/// <summary>One item of a feed: the page it links to, its title, id and date as the feed gives them.</summary>
public sealed record FeedEntry(string Link, string? Title, string? Id, DateTimeOffset? Published);

/// <summary>Reads RSS 2.0 (<c>rss/channel/item</c>: link, guid, title, pubDate) and Atom (<c>feed/entry</c>: link href, id, title,
/// published/updated). No DTDs, no external entities; a document that is not well-formed throws <see cref="IngestException"/> with
/// line and column. Relative links are resolved against the feed's address.</summary>
public static class FeedParser
{
    /// <exception cref="IngestException">Not XML, or neither RSS nor Atom; the message says where and what was expected.</exception>
    public static IReadOnlyList<FeedEntry> Parse(string xml, Uri feedUri)
    {
        ArgumentNullException.ThrowIfNull(xml);
        ArgumentNullException.ThrowIfNull(feedUri);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            MaxCharactersInDocument = 20_000_000,
        };
        var entries = new List<FeedEntry>();
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            reader.MoveToContent();
            var root = reader.LocalName;
            if (root is not ("rss" or "feed" or "RDF"))
            {
                var info = (IXmlLineInfo)reader;
                throw new IngestException($"{feedUri}:{info.LineNumber}:{info.LinePosition}: found <{reader.Name}>; expected an RSS 2.0 <rss> or Atom <feed> document.");
            }
            var itemName = root == "feed" ? "entry" : "item";
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == itemName)
                {
                    using var sub = reader.ReadSubtree();
                    if (ReadItem(sub, feedUri) is { } entry)
                    {
                        entries.Add(entry);
                    }
                }
            }
        }
        catch (XmlException e)
        {
            throw new IngestException($"{feedUri}:{Math.Max(1, e.LineNumber)}:{Math.Max(1, e.LinePosition)}: not well-formed XML ({e.Message}); expected an RSS 2.0 or Atom feed.");
        }
        return entries;
    }

    private static FeedEntry? ReadItem(XmlReader reader, Uri feedUri)
    {
        string? link = null, title = null, id = null, date = null, guid = null;
        var guidIsLink = false;
        reader.Read(); // the item element itself
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != 1)
            {
                reader.Read();
                continue;
            }
            // ReadElementContentAsString and Skip leave the reader on the next node already
            switch (reader.LocalName)
            {
                case "link" when reader.GetAttribute("href") is { } href:
                    var rel = reader.GetAttribute("rel");
                    if (rel is null or "alternate")
                    {
                        link ??= href;
                    }
                    reader.Skip();
                    break;
                case "link":
                    var text = reader.ReadElementContentAsString().Trim();
                    link ??= text;
                    break;
                case "title":
                    var t = reader.ReadElementContentAsString().Trim();
                    title ??= t;
                    break;
                case "guid":
                    guidIsLink = !string.Equals(reader.GetAttribute("isPermaLink"), "false", StringComparison.OrdinalIgnoreCase);
                    guid = reader.ReadElementContentAsString().Trim();
                    break;
                case "id":
                    var i = reader.ReadElementContentAsString().Trim();
                    id ??= i;
                    break;
                case "pubDate" or "published" or "updated" or "date":
                    var d = reader.ReadElementContentAsString().Trim();
                    date ??= d;
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        link ??= guidIsLink ? guid : null;
        if (string.IsNullOrWhiteSpace(link) || !Uri.TryCreate(feedUri, link, out var absolute) || absolute.Scheme is not ("http" or "https"))
        {
            return null; // an item without a web page to read
        }
        return new FeedEntry(absolute.ToString(), title, id ?? guid, ParseDate(date));
    }

    private static DateTimeOffset? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        // RFC 822 (RSS: "Tue, 10 Jun 2026 08:00:00 GMT" or "+0530") and ISO 8601 (Atom)
        var t = text.Trim().Replace(" GMT", " +0000", StringComparison.Ordinal).Replace(" UT", " +0000", StringComparison.Ordinal)
            .Replace(" IST", " +0530", StringComparison.Ordinal);
        string[] formats = ["ddd, d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm zzz", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd"];
        foreach (var f in formats)
        {
            var candidate = f.Contains("zzz", StringComparison.Ordinal) ? FixOffset(t) : t;
            if (DateTimeOffset.TryParseExact(candidate, f, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d))
            {
                return d;
            }
        }
        return null;
    }

    /// <summary>"+0530" → "+05:30", the form .NET's zzz reads.</summary>
    private static string FixOffset(string t)
    {
        var i = t.LastIndexOf(' ');
        var tail = i >= 0 ? t[(i + 1)..] : "";
        return tail.Length == 5 && tail[0] is '+' or '-' && tail[1..].All(char.IsAsciiDigit) ? t[..(i + 1)] + tail[..3] + ":" + tail[3..] : t;
    }
}
