namespace Khanij.Core.Events;

/// <summary>A cooperation event extracted from a document or curated by hand, in the schema of <c>shared/gold/README.md</c>.</summary>
/// <param name="Doc">Name of the source document.</param>
/// <param name="Date">Event date (YYYY-MM-DD) when stated or resolvable; else the publication date; null if neither.</param>
/// <param name="Published">Publication date printed in the document, or null.</param>
/// <param name="Parties">ISO3 codes of the countries taking part, plus framework ids (MSP, IPEF, QUAD, G7) for framework events.</param>
/// <param name="VenueCountry">ISO3 of the venue when the text says where it happened; never the dateline.</param>
/// <param name="VenueCity">City of the venue, in English, or null.</param>
/// <param name="Instrument">One of mou, moc, protocol, agreement, trade_agreement, joint_statement, meeting, working_group_session,
/// ministerial, investment_commitment, project.</param>
/// <param name="Status">held, signed, announced, planned, ongoing, approved or reported.</param>
/// <param name="Minerals">Catalogue mineral ids, or <c>critical_minerals</c> for a generic mention.</param>
/// <param name="Areas">Areas of cooperation (exploration, processing, recycling …).</param>
/// <param name="Officials">Officials named, with roles.</param>
/// <param name="Organisations">Organisations named (ministries, state companies, agencies).</param>
/// <param name="Amounts">Amounts describing the cooperation itself.</param>
/// <param name="Evidence">Sentences copied verbatim from the document.</param>
public sealed record CooperationEvent(
    string Doc,
    string? Date,
    string? Published,
    IReadOnlyList<string> Parties,
    string? VenueCountry,
    string? VenueCity,
    string Instrument,
    string Status,
    IReadOnlyList<string> Minerals,
    IReadOnlyList<string> Areas,
    IReadOnlyList<Official> Officials,
    IReadOnlyList<string> Organisations,
    IReadOnlyList<Amount> Amounts,
    IReadOnlyList<string> Evidence)
{
    /// <summary>Every document that reports this event, with its own verbatim evidence, when duplicates across articles or
    /// languages were merged into one event; empty when the event comes from <see cref="Doc"/> alone. <see cref="Evidence"/>
    /// always holds sentences of <see cref="Doc"/> only.</summary>
    public IReadOnlyList<EventSource> Sources { get; init; } = [];

    /// <summary>Follow-up actions the text states for this event ("agreed to set up a task team", "will meet again in March 2026"),
    /// empty when none.</summary>
    public IReadOnlyList<FollowUpItem> FollowUps { get; init; } = [];
}

/// <summary>A follow-up action stated in a document.</summary>
/// <param name="Kind"><c>task_team</c> (a body to set up), <c>next_meeting</c> or <c>review</c> (of progress).</param>
/// <param name="Text">The sentence that states it, verbatim.</param>
/// <param name="Owner">Who is to do it, as the text names it (an organisation, or the parties), or null.</param>
/// <param name="Due">When, where stated: YYYY-MM-DD or YYYY-MM; null otherwise.</param>
public sealed record FollowUpItem(string Kind, string Text, string? Owner, string? Due);

/// <summary>One document reporting an event.</summary>
/// <param name="Doc">Name of the document.</param>
/// <param name="Published">Its publication date (YYYY-MM-DD), or null.</param>
/// <param name="Language">Its language: <c>hi</c>, <c>en</c> or <c>mixed</c>.</param>
/// <param name="Evidence">Sentences copied verbatim from that document.</param>
public sealed record EventSource(string Doc, string? Published, string Language, IReadOnlyList<string> Evidence);

/// <summary>A named official.</summary>
/// <param name="Name">Name in usual English spelling (or as written when no transliteration is known).</param>
/// <param name="Role">Role in English, e.g. <c>Minister of Mines</c>.</param>
/// <param name="Country">ISO3 of the official's country, or null when unknown.</param>
public sealed record Official(string Name, string Role, string? Country);

/// <summary>An amount of money or a count.</summary>
/// <param name="Value">The value with Indian or Western multipliers resolved (1 करोड़ = 1e7).</param>
/// <param name="Unit">ISO 4217 currency code, or <c>count</c>.</param>
/// <param name="What">What the amount is of, in a few words.</param>
public sealed record Amount(double Value, string Unit, string What);
