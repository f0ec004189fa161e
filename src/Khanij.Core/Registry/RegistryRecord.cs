using Khanij.Core.Catalogue;
using Khanij.Core.Events;

namespace Khanij.Core.Registry;

/// <summary>One entry of the partnership registry. The fields every kind shares are here; what only one kind has lives in the
/// typed detail matching <see cref="Kind"/> (the others are null). See <c>docs/registry.md</c>.</summary>
/// <param name="Id">Stable id: generated as kind prefix and number (<c>oc-0003</c>), or chosen by a curator (<c>msp</c>).</param>
/// <param name="Kind">What the record describes.</param>
/// <param name="Title">A short human title.</param>
/// <param name="Parties">ISO3 codes of the countries taking part, plus catalogue framework ids (MSP, QUAD …) for framework records.</param>
/// <param name="Instrument">For partnerships mou, moc, protocol, agreement, joint_statement, trade_agreement or framework; for occasions
/// meeting, ministerial or working_group_session; null for other kinds.</param>
/// <param name="Status">As the sources describe it: held, signed, announced, planned, ongoing, approved, reported (or null).</param>
/// <param name="Date">Date it happened or took effect (YYYY-MM-DD, or YYYY-MM / YYYY when only that is known), or null.</param>
/// <param name="EndDate">Last day it applies, or null when open-ended.</param>
/// <param name="Minerals">Catalogue mineral ids, or <c>critical_minerals</c> for a generic mention.</param>
/// <param name="Stages">Value-chain stages covered (<see cref="RegistryVocabulary.Stages"/>).</param>
/// <param name="Areas">Areas of cooperation (<see cref="RegistryVocabulary.Areas"/>).</param>
/// <param name="Officials">Officials named.</param>
/// <param name="Organisations">Organisations named.</param>
/// <param name="ParentId">The record this one belongs to (an occasion of a partnership, a commitment made at an occasion), or null.</param>
/// <param name="Sources">Source documents with verbatim evidence; at least one.</param>
/// <param name="Review">Review state; only accepted records count.</param>
public sealed record RegistryRecord(
    string Id,
    RecordKind Kind,
    string Title,
    IReadOnlyList<string> Parties,
    string? Instrument,
    string? Status,
    string? Date,
    string? EndDate,
    IReadOnlyList<string> Minerals,
    IReadOnlyList<string> Stages,
    IReadOnlyList<string> Areas,
    IReadOnlyList<Official> Officials,
    IReadOnlyList<Organisation> Organisations,
    string? ParentId,
    IReadOnlyList<SourceRef> Sources,
    ReviewState Review)
{
    /// <summary>Partnership details; null unless <see cref="Kind"/> is <see cref="RecordKind.Partnership"/>.</summary>
    public PartnershipDetails? Partnership { get; init; }

    /// <summary>Occasion details; null unless <see cref="Kind"/> is <see cref="RecordKind.Occasion"/>.</summary>
    public OccasionDetails? Occasion { get; init; }

    /// <summary>Project details; null unless <see cref="Kind"/> is <see cref="RecordKind.Project"/>.</summary>
    public ProjectDetails? Project { get; init; }

    /// <summary>Investment details; null unless <see cref="Kind"/> is <see cref="RecordKind.Investment"/>.</summary>
    public InvestmentDetails? Investment { get; init; }

    /// <summary>Commitment details; null unless <see cref="Kind"/> is <see cref="RecordKind.Commitment"/>.</summary>
    public CommitmentDetails? Commitment { get; init; }

    /// <summary>Fields on which a merged source disagreed with the record, waiting for a reviewer (see <see cref="FieldConflict"/>);
    /// empty when there are none. Only the registry sets them; accepting, rejecting or editing the field clears them.</summary>
    public IReadOnlyList<FieldConflict> Conflicts { get; init; } = [];

    /// <summary>The parties that are countries of <paramref name="catalogue"/> (a framework id such as <c>MSP</c> has the shape of an
    /// ISO3 code, so the catalogue decides); without a catalogue, every party of three capital letters (which would include MSP).</summary>
    public IEnumerable<string> CountriesIn(KhanijCatalogue? catalogue) =>
        Parties.Where(p => catalogue is null ? RegistryVocabulary.IsIso3(p) : catalogue.CountryByIso3(p) is not null);

    /// <summary>The parties that are frameworks of <paramref name="catalogue"/>, plus <see cref="PartnershipDetails.FrameworkId"/>.</summary>
    public IEnumerable<string> FrameworksIn(KhanijCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return Parties.Where(p => catalogue.FrameworkById(p) is not null)
            .Concat(Partnership?.FrameworkId is { } f ? [f] : [])
            .Distinct(StringComparer.Ordinal);
    }
}

/// <summary>One entry of a record's audit trail.</summary>
/// <param name="Seq">Position in the store-wide audit log (increasing).</param>
/// <param name="RecordId">The record changed.</param>
/// <param name="At">When (UTC).</param>
/// <param name="Who">Who made the change (user name, or <c>ingest</c>).</param>
/// <param name="Action">created, merged, imported, accepted, rejected, edited, reopened.</param>
/// <param name="Changes">Field-level changes; empty for pure state changes with nothing else.</param>
public sealed record AuditEntry(long Seq, string RecordId, DateTimeOffset At, string Who, string Action, IReadOnlyList<FieldChange> Changes);

/// <summary>One field changed by an action.</summary>
/// <param name="Field">Field name as in the JSON form (<c>minerals</c>, <c>review</c>, <c>commitment.status</c>).</param>
/// <param name="Old">Old value as text, or null.</param>
/// <param name="New">New value as text, or null.</param>
public sealed record FieldChange(string Field, string? Old, string? New);
