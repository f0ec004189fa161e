namespace Khanij.Ingest;

/// <summary>A document as the pipeline read it.</summary>
/// <param name="Name">The document's name (file name, or what the caller passed).</param>
/// <param name="Text">The text the evidence is taken from: the input itself for plain text, the extracted text for HTML.</param>
/// <param name="Language"><c>hi</c>, <c>en</c>, <c>mixed</c> or <c>und</c> (no letters).</param>
/// <param name="Published">Publication date (YYYY-MM-DD) from a "Published"/date metadata line or HTML meta tag; an "Updated" stamp
/// only when it is the only date printed; else null.</param>
/// <param name="Title">The first heading, or null.</param>
/// <param name="IsHtml">True when the input was HTML.</param>
/// <param name="Sentences">Number of article sentences (boilerplate and metadata excluded).</param>
/// <param name="BoilerplateLines">Number of lines removed as boilerplate.</param>
public sealed record IngestDocument(string Name, string Text, string Language, string? Published, string? Title, bool IsHtml, int Sentences,
    int BoilerplateLines);
