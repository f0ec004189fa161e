namespace Khanij.Core.Facts;

/// <summary>Mineral intensity of a battery chemistry (BatPaC).</summary>
/// <param name="MineralId">Catalogue mineral id (or a material such as <c>steel</c> not in the catalogue).</param>
/// <param name="Chemistry">Chemistry label as in the source, e.g. <c>NMC 811</c>, <c>LFP</c>.</param>
/// <param name="KgPerKwh">Kilograms of the element per kWh of pack capacity.</param>
/// <param name="Provenance">Source row.</param>
public sealed record BatteryIntensity(string MineralId, string Chemistry, double KgPerKwh, Provenance Provenance);
