using Khanij.Ingest.Text;

namespace Khanij.Ingest.Recognition;

/// <summary>What the recogniser found in one sentence.</summary>
internal sealed class SentenceFacts
{
    public required Sentence Sentence { get; init; }

    public required List<Token> Tokens { get; init; }

    public required List<Mention> Entities { get; init; }

    public required List<Mention> Cues { get; init; }

    public List<string> Countries { get; } = [];

    /// <summary>Countries named as a topic ("outside China", "चीन पर निर्भरता"), not as participants.</summary>
    public List<string> TopicCountries { get; } = [];

    public List<string> Frameworks { get; } = [];

    public List<string> Minerals { get; } = [];

    public List<Organisation> Organisations { get; } = [];

    public List<City> Cities { get; } = [];

    public List<string> Areas { get; } = [];

    public List<string> Instruments { get; } = [];

    public List<string> MeetingCues { get; } = [];

    public List<string> Statuses { get; } = [];

    public bool Discussion { get; set; }

    public bool BothSides { get; set; }

    public bool HomeCue { get; set; }

    public bool MineralContext { get; set; }

    public bool Future { get; set; }

    /// <summary>The sentence states a condition ("if", "अगर"): what it describes has not happened.</summary>
    public bool Conditional { get; set; }

    /// <summary>Follow-up signals: a body to set up, a next meeting, a review of progress.</summary>
    public List<Mention> FollowUps { get; } = [];

    public List<(int Start, int End, double Value, string Currency)> Amounts { get; } = [];

    public List<Dates.DateMention> Dates { get; } = [];

    /// <summary>Minerals named, or the sentence speaks of minerals/mining in general.</summary>
    public bool MineralRelevant => Minerals.Count > 0 || MineralContext;

    public bool HasMeeting => MeetingCues.Count > 0 || Discussion;

    /// <summary>Countries named plus the countries of the organisations named.</summary>
    public IEnumerable<string> PartyCountries => Countries.Concat(Organisations.Where(o => o.Country is not null).Select(o => o.Country!));
}
