namespace Khanij.Core.Facts;

/// <summary>A mineral demand figure from a published scenario (IEA Global Critical Minerals Outlook).</summary>
/// <param name="Table">Source table: total_demand, cleantech_demand_by_mineral, cleantech_demand_by_tech, demand_by_technology_base_case.</param>
/// <param name="MineralId">Catalogue mineral id (or the source's label when not in the catalogue, e.g. a single REE).</param>
/// <param name="Sector">Sector or technology, e.g. <c>Electric vehicles</c>.</param>
/// <param name="Scenario">Historical, STEPS, APS or NZE.</param>
/// <param name="Year">Year.</param>
/// <param name="ValueT">Demand in tonnes (the source's kt × 1000).</param>
/// <param name="Provenance">Source row.</param>
public sealed record DemandFigure(string Table, string MineralId, string Sector, string Scenario, int Year, double ValueT, Provenance Provenance);
