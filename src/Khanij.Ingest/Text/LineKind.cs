namespace Khanij.Ingest.Text;

/// <summary>What a line of a document is, after boilerplate detection.</summary>
internal enum LineKind
{
    /// <summary>Article text.</summary>
    Body,

    /// <summary>A title or sub-heading: short, without closing punctuation, before or between paragraphs.</summary>
    Heading,

    /// <summary>A date/byline/issuer line: read for the publication date, never for events.</summary>
    Metadata,

    /// <summary>Tickers, ads, "read also", related-post lists, footers, captions, repeated headlines.</summary>
    Boilerplate,
}
