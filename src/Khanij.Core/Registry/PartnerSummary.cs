namespace Khanij.Core.Registry;

/// <summary>One row of <c>khanij partners</c>: everything accepted between a set of parties.</summary>
/// <param name="Parties">The parties of the row: with a country filter, the country and one counterpart; without, the record's parties.</param>
/// <param name="Counterpart">The other side when a country filter is given (an ISO3 code or framework id), else null.</param>
/// <param name="Instruments">Instruments and kinds seen (<c>mou</c>, <c>working_group_session</c>, <c>project</c> …), in date order.</param>
/// <param name="Minerals">Minerals covered, united over the records.</param>
/// <param name="Stages">Stages covered, united over the records.</param>
/// <param name="Areas">Areas covered, united over the records.</param>
/// <param name="Since">Earliest known date, or null when no record is dated.</param>
/// <param name="Latest">Latest known date, or null.</param>
/// <param name="Status">Status of the latest record (<c>signed</c>, <c>held</c> …), or null.</param>
/// <param name="RecordIds">The records behind the row, in date order.</param>
/// <param name="SourceCount">How many distinct source documents support the row.</param>
public sealed record PartnerSummary(
    IReadOnlyList<string> Parties,
    string? Counterpart,
    IReadOnlyList<string> Instruments,
    IReadOnlyList<string> Minerals,
    IReadOnlyList<string> Stages,
    IReadOnlyList<string> Areas,
    string? Since,
    string? Latest,
    string? Status,
    IReadOnlyList<string> RecordIds,
    int SourceCount);
