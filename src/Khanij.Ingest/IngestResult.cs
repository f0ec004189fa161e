using Khanij.Core.Events;

namespace Khanij.Ingest;

/// <summary>What the pipeline found in one document.</summary>
/// <param name="Document">The document as read.</param>
/// <param name="Events">Proposed cooperation events, each with verbatim evidence from <see cref="IngestDocument.Text"/>.</param>
/// <param name="Warnings">Things the curator should know (no publication date found, nothing extracted from a long text …).</param>
public sealed record IngestResult(IngestDocument Document, IReadOnlyList<CooperationEvent> Events, IReadOnlyList<string> Warnings);
