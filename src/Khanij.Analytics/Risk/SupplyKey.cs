using Khanij.Core;

namespace Khanij.Analytics.Risk;

/// <summary>Identifies one supply table: a mineral at a stage in a year from one source (and projection scenario, if any).</summary>
/// <param name="Source">Dataset id (<c>usgs</c>, <c>iea</c>, <c>cheng2020</c>).</param>
/// <param name="MineralId">Catalogue mineral id.</param>
/// <param name="Stage">Value-chain stage.</param>
/// <param name="Year">Calendar year.</param>
/// <param name="Scenario">Null for historical or estimated data, else the projection scenario.</param>
public sealed record SupplyKey(string Source, string MineralId, Stage Stage, int Year, string? Scenario);
