namespace Khanij.Ingest.Recognition;

/// <summary>A lexicon entry: what it names, its id, an optional country (for organisations and cities) and display name.
/// <paramref name="CaseSensitive"/> entries (short all-capital abbreviations such as US, EU, MSP) match only the exact surface.</summary>
internal sealed record Entry(EntryKind Kind, string Id, string? Country, string Display, bool CaseSensitive, string[] Surface);
