namespace Khanij.Analytics.Simulation;

/// <summary>One output of a simulation run (one number per run).</summary>
/// <param name="MineralId">Mineral.</param>
/// <param name="Scope"><c>world</c> or the perspective country's ISO3.</param>
/// <param name="Stage">Stage id (<c>mining</c>, <c>refining</c>) for stage outputs; null for sector outputs.</param>
/// <param name="Sector">End-use sector or battery chemistry for downstream outputs; null for stage outputs.</param>
/// <param name="Measure"><c>shortfall_fraction</c> (share of the horizon's supply not delivered), <c>shortfall_t</c> (tonnes over
/// the horizon), <c>stockpile_drawn_t</c>, or <c>gwh_not_made</c> (battery cells).</param>
public sealed record SimulationMetric(string MineralId, string Scope, string? Stage, string? Sector, string Measure)
{
    /// <summary>A path-like name, e.g. <c>cobalt/refining/world/shortfall_fraction</c>.</summary>
    public string Name => $"{MineralId}/{Stage ?? Sector}/{Scope}/{Measure}";
}
