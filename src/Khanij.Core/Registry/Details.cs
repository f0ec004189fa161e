using Khanij.Core.Events;

namespace Khanij.Core.Registry;

/// <summary>What only a partnership has.</summary>
/// <param name="FrameworkId">Catalogue framework id (MSP, QUAD …) when the partnership is a framework, else null.</param>
/// <param name="Members">ISO3 codes of the framework's members as the record states them; empty means "as in the catalogue".</param>
public sealed record PartnershipDetails(string? FrameworkId, IReadOnlyList<string> Members);

/// <summary>What only an occasion has.</summary>
/// <param name="SessionNumber">Number of a working-group session (the 11th session is 11), or null.</param>
/// <param name="VenueCountry">ISO3 of the venue where the source says it, or null.</param>
/// <param name="VenueCity">City of the venue, or null.</param>
/// <param name="Reviews">Ids of earlier records (the previous session, commitments) whose progress this occasion reviewed.</param>
public sealed record OccasionDetails(int? SessionNumber, string? VenueCountry, string? VenueCity, IReadOnlyList<string> Reviews);

/// <summary>What only a project has.</summary>
/// <param name="Facility">What is built or explored, e.g. <c>rare-earth refinery</c>, <c>five lithium brine blocks</c>.</param>
/// <param name="Location">Where, in words (state, province, country), or null.</param>
/// <param name="Capacity">Capacity as the source states it (value and unit in words), or null.</param>
/// <param name="Partners">Organisations carrying it out.</param>
/// <param name="Financing">How it is financed, in words, or null.</param>
public sealed record ProjectDetails(string? Facility, string? Location, string? Capacity, IReadOnlyList<string> Partners, string? Financing);

/// <summary>What only an investment commitment has.</summary>
/// <param name="Amount">The amount committed, in <paramref name="Currency"/> units (Indian multipliers resolved), or null when not stated.</param>
/// <param name="Currency">ISO 4217 code, or null.</param>
/// <param name="Period">The period the amount covers, in words or as <c>YYYY–YYYY</c>, or null.</param>
/// <param name="Other">Other amounts stated for the same commitment (e.g. the same sum in another currency).</param>
public sealed record InvestmentDetails(double? Amount, string? Currency, string? Period, IReadOnlyList<Amount> Other);

/// <summary>What only a commitment or follow-up action has.</summary>
/// <param name="Text">What was committed, in a sentence.</param>
/// <param name="Owner">Who must do it (an organisation, an official or a country), or null.</param>
/// <param name="Due">Due date (YYYY-MM-DD, or YYYY-MM / YYYY when the text gives only the month or year), or null.</param>
/// <param name="Status">Its status as recorded.</param>
public sealed record CommitmentDetails(string Text, string? Owner, string? Due, FollowUpStatus Status)
{
    /// <summary>The status as of <paramref name="today"/> (YYYY-MM-DD): an open item whose due date has passed is <see cref="FollowUpStatus.Overdue"/>;
    /// a due month ("2026-12") or year passes when it ends, so it is compared with the same part of today.</summary>
    public FollowUpStatus EffectiveStatus(string today) =>
        Status == FollowUpStatus.Open && Due is not null
            && string.CompareOrdinal(Due, today.Length > Due.Length ? today[..Due.Length] : today) < 0 ? FollowUpStatus.Overdue : Status;
}
