namespace Khanij.Core.Registry;

/// <summary>A source document a record rests on, with the evidence taken from it.</summary>
/// <param name="Document">The document's name: the ingested file name, or for curated records a short citation (publisher and title).</param>
/// <param name="Title">Title of the document, or null.</param>
/// <param name="Url">Where the document can be read, or null.</param>
/// <param name="Published">Publication date (YYYY-MM-DD), or null.</param>
/// <param name="Evidence">Sentences copied verbatim from the document. Curated records may have none and say so in <paramref name="Note"/>.</param>
/// <param name="Note">A curator's summary in their own words, or null.</param>
public sealed record SourceRef(
    string Document,
    string? Title,
    string? Url,
    string? Published,
    IReadOnlyList<string> Evidence,
    string? Note = null);
