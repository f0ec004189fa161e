using Khanij.Ingest.Recognition;

namespace Khanij.Ingest.Events;

/// <summary>A recognised document: its sentences' facts, publication date, language and the two countries it is mostly about.</summary>
internal sealed record DocumentFacts(
    string Name,
    string Language,
    DateOnly? Published,
    IReadOnlyList<SentenceFacts> Sentences,
    IReadOnlyList<string> Pair,
    string? Home);
