namespace Khanij.Analytics.Simulation;

/// <summary>A battery chemistry in the GWh-not-made output.</summary>
/// <param name="Chemistry">Label, e.g. <c>LFP</c>, <c>NMC 811</c>.</param>
/// <param name="GwhShare">Share of battery GWh made with this chemistry, in [0, 1].</param>
/// <param name="KgPerKwh">Kilograms of the mineral per kWh of pack (BatPaC); 0 when the chemistry does not use it.</param>
public sealed record BatteryChemistryShare(string Chemistry, double GwhShare, double KgPerKwh);
