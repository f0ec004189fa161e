namespace Khanij.Data.Registry;

/// <summary>A source document as ingested: its file name and full text, stored so evidence can be checked later.</summary>
/// <param name="Name">File name (without directories), the <c>doc</c> of its events.</param>
/// <param name="Text">The text its evidence is taken from (for HTML, the extracted text).</param>
/// <param name="Title">Its headline when known; copied to the sources of its records.</param>
public sealed record SourceDocument(string Name, string Text, string? Title = null);

/// <summary>What one <c>ingest add</c> did.</summary>
/// <param name="Documents">Documents newly stored (a document already stored with the same text is not counted).</param>
/// <param name="Created">Ids of records created as proposals.</param>
/// <param name="Merged">Ids of existing records an event merged into (each once).</param>
/// <param name="Unchanged">Events that were already fully recorded (same document, same evidence).</param>
/// <param name="Reopened">Ids of accepted records sent back to review because a merge changed more than their sources.</param>
/// <param name="Skipped">Events that could not become a valid proposal, each with the reason, and evidence left out because it
/// was not found verbatim in its document.</param>
public sealed record IngestOutcome(
    int Documents,
    IReadOnlyList<string> Created,
    IReadOnlyList<string> Merged,
    int Unchanged,
    IReadOnlyList<string> Reopened,
    IReadOnlyList<string> Skipped);
