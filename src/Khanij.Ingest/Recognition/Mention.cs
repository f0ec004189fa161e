namespace Khanij.Ingest.Recognition;

/// <summary>A lexicon match in the normalised text.</summary>
internal sealed record Mention(int Start, int End, int FirstToken, int TokenCount, Entry Entry)
{
    public EntryKind Kind => Entry.Kind;

    public string Id => Entry.Id;
}
