using Khanij.Core.Facts;
using Khanij.Core.Text;

namespace Khanij.Analytics.Simulation;

/// <summary>What <see cref="NetworkBuilder"/> needs for one mineral, as read from the store.</summary>
/// <param name="MineralId">Catalogue mineral id.</param>
/// <param name="Supply">Supply facts of the mineral, all sources and years (the builder chooses).</param>
/// <param name="Sankey">Material-flow edges of the mineral (may be empty).</param>
/// <param name="Trade">Trade flows of the mineral reported by the countries of interest (may be empty).</param>
/// <param name="Demand">Demand figures of the mineral (may be empty).</param>
/// <param name="Intensities">Battery intensities of the mineral (may be empty).</param>
/// <param name="BatteryMix">Share of battery GWh by chemistry label.</param>
/// <param name="Perspective">ISO3 of the perspective country, or null.</param>
/// <param name="ExtraCountries">Other countries that must be in the network (e.g. destination-ban targets).</param>
/// <param name="PreferredSource">Supply source to use when it has data (<c>iea</c>, <c>usgs</c>, <c>cheng2020</c>), or null for the
/// default order.</param>
public sealed record NetworkInputs(
    string MineralId,
    IReadOnlyList<SupplyFact> Supply,
    IReadOnlyList<SankeyFlow> Sankey,
    IReadOnlyList<TradeFlow> Trade,
    IReadOnlyList<DemandFigure> Demand,
    IReadOnlyList<BatteryIntensity> Intensities,
    IReadOnlyDictionary<string, double> BatteryMix,
    string? Perspective,
    IReadOnlyList<string> ExtraCountries,
    string? PreferredSource = null)
{
    /// <summary>The message catalogue for the network's notes, in the reader's language; null gives message keys only.</summary>
    public IPhrasebook? Phrases { get; init; }
}
