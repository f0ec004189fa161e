namespace Khanij.Analytics.Simulation;

/// <summary>An end-use sector of a mineral and its share of the mineral's use.</summary>
/// <param name="Name">Sector name as in the source, e.g. <c>Electric vehicles</c>.</param>
/// <param name="Share">Fraction of use in [0, 1].</param>
/// <param name="IsBattery">True when the sector's use is battery cells, so tonnes can be turned into GWh.</param>
public sealed record EndUseSector(string Name, double Share, bool IsBattery);
