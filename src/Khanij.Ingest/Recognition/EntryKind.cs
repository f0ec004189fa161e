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
    /// <summary>A region ("Latin American"): shadows the country adjective inside it; never a party.</summary>
    Region,
    /// <summary>A follow-up signal: a body to set up, a next meeting, a review of progress.</summary>
    FollowUp,
    /// <summary>A negation ("not", "नहीं").</summary>
    Negation,
    /// <summary>A condition ("if", "अगर").</summary>
    Condition,
}
