using Khanij.Core;

namespace Khanij.Analytics.Simulation;

/// <summary>
/// A possible disruption: a country cuts a stage (or stops it, or stops one destination) for some months, for one or more
/// minerals at once (one event, one draw: a measure covering three minerals hits all three in the same run).
/// </summary>
/// <param name="Name">Label for output, e.g. the register id.</param>
/// <param name="Kind">What happens.</param>
/// <param name="Country">ISO3 of the country whose supply is cut.</param>
/// <param name="Target">ISO3 of the destination for <see cref="ShockKind.DestinationBan"/>; null otherwise.</param>
/// <param name="MineralIds">Minerals affected.</param>
/// <param name="Stage">Stage affected.</param>
/// <param name="Fraction">Fraction of supply withheld, clamped to [0, 1] when drawn (ignored for an outage, which is 1).</param>
/// <param name="DurationMonths">How long it lasts, months (≥ 0 when drawn).</param>
/// <param name="StartMonth">When it starts, months after the horizon opens (≥ 0 when drawn).</param>
/// <param name="Probability">Chance it happens at all in a Monte Carlo run, in [0, 1]; a single run assumes it happens.</param>
public sealed record ShockEvent(
    string Name,
    ShockKind Kind,
    string Country,
    string? Target,
    IReadOnlyList<string> MineralIds,
    Stage Stage,
    Distribution Fraction,
    Distribution DurationMonths,
    Distribution StartMonth,
    double Probability);
