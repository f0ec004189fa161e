namespace Khanij.Analytics.Simulation;

/// <summary>A scenario file as read (see <c>docs/simulation.md</c>). Unset optional values are null; the command line may override them.</summary>
/// <param name="Name">Scenario name.</param>
/// <param name="Description">Free text, may be null.</param>
/// <param name="RestrictionIds">Ids in <c>data/export_restrictions_curated.csv</c> the scenario is based on.</param>
/// <param name="Perspective">ISO3 of the country whose shortfall is reported, or null.</param>
/// <param name="HorizonMonths">Horizon in months, or null for the default (12).</param>
/// <param name="SpareCapacity">Spare capacity fraction, or null for the default.</param>
/// <param name="PartnerPriority">Partner priority switch, or null (off).</param>
/// <param name="StockpileTonnes">Stockpile tonnes by mineral id.</param>
/// <param name="StockpileMonths">Stockpile in months of use, or null.</param>
/// <param name="BatteryMix">Share of battery GWh by chemistry label, or null for the default mix.</param>
/// <param name="Runs">Monte Carlo runs, or null.</param>
/// <param name="Seed">Seed, or null.</param>
/// <param name="Shocks">The events.</param>
public sealed record Scenario(
    string Name,
    string? Description,
    IReadOnlyList<string> RestrictionIds,
    string? Perspective,
    double? HorizonMonths,
    double? SpareCapacity,
    bool? PartnerPriority,
    IReadOnlyDictionary<string, double> StockpileTonnes,
    double? StockpileMonths,
    IReadOnlyDictionary<string, double>? BatteryMix,
    int? Runs,
    ulong? Seed,
    IReadOnlyList<ShockEvent> Shocks);
