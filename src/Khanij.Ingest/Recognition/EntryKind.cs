namespace Khanij.Ingest.Recognition;

/// <summary>What a lexicon entry names.</summary>
internal enum EntryKind
{
    Country,
    Framework,
    Mineral,
    Organisation,
    City,
    Instrument,
    MeetingCue,
    DiscussionCue,
    Status,
    Area,
    Role,
    BothSides,
    HomeCue,
    MineralContext,
    Cooperation,
    Future,
    Currency,
}
