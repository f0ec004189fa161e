using Khanij.Core;

namespace Khanij.Analytics.Risk;

/// <summary>Identifies one supply table: a mineral at a stage in a year from one source (and projection scenario, if any), for one
/// measure. Two measures of one source (USGS gallium "low-purity primary production" and "production capacity") are two tables and are
/// never added together.</summary>
/// <param name="Source">Dataset id (<c>usgs</c>, <c>iea</c>, <c>cheng2020</c>).</param>
/// <param name="MineralId">Catalogue mineral id.</param>
/// <param name="Stage">Value-chain stage.</param>
/// <param name="Year">Calendar year.</param>
/// <param name="Scenario">Null for historical or estimated data, else the projection scenario.</param>
/// <param name="Measure">The source's measure, e.g. <c>mine production</c>, <c>production capacity</c>.</param>
public sealed record SupplyKey(string Source, string MineralId, Stage Stage, int Year, string? Scenario, string Measure)
{
    /// <summary>True when the measure is a capacity (what plants could produce), not production.</summary>
    public bool IsCapacity => IsCapacityMeasure(Measure);

    /// <summary>True when <paramref name="measure"/> names a capacity rather than an output.</summary>
    public static bool IsCapacityMeasure(string measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return measure.Contains("capacity", StringComparison.OrdinalIgnoreCase);
    }
}
