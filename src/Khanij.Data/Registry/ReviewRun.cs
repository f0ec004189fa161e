using Khanij.Core.Registry;

namespace Khanij.Data.Registry;

/// <summary>The decisions of one <c>partners review</c> run, applied together by <see cref="RegistryStore.ApplyReviewAsync"/>.</summary>
/// <param name="Accept">Ids to accept.</param>
/// <param name="Reject">Ids to reject.</param>
/// <param name="AcceptAll">Accept every remaining proposal.</param>
/// <param name="EditId">The record to edit, or null.</param>
/// <param name="Edits">Its <c>field=value</c> edits.</param>
public sealed record ReviewRun(
    IReadOnlyList<string> Accept, IReadOnlyList<string> Reject, bool AcceptAll, string? EditId, IReadOnlyList<(string Field, string Value)> Edits);

/// <summary>What a <see cref="ReviewRun"/> did.</summary>
/// <param name="Edited">The edited record, or null.</param>
/// <param name="Accepted">Ids accepted by name.</param>
/// <param name="Rejected">Ids rejected.</param>
/// <param name="AcceptedAll">Ids accepted by accept-all.</param>
public sealed record ReviewOutcome(RegistryRecord? Edited, IReadOnlyList<string> Accepted, IReadOnlyList<string> Rejected, IReadOnlyList<string> AcceptedAll)
{
    /// <summary>Every record as the run found it, read inside its transaction (for the impact of the decisions).</summary>
    public IReadOnlyList<RegistryRecord> Before { get; init; } = [];

    /// <summary>Every record as the run left it, read inside its transaction before it committed.</summary>
    public IReadOnlyList<RegistryRecord> After { get; init; } = [];
}
