using Khanij.Core.Partners;

namespace Khanij.Analytics.Simulation;

/// <summary>The responses and the point of view of a simulation.</summary>
/// <param name="SpareCapacity">Spare capacity of producers not hit at a stage, as a fraction of their output (≥ 0). Default
/// <see cref="DefaultSpareCapacity"/>.</param>
/// <param name="HorizonMonths">Months over which shortfalls are counted (&gt; 0; default 12). Shocks are clipped to it.</param>
/// <param name="Perspective">ISO3 of the country whose shortfall is reported besides the world's, or null for the world only.</param>
/// <param name="StockpileTonnes">The perspective country's stockpile of the last stage's product by mineral id (tonnes).</param>
/// <param name="StockpileMonths">Alternatively, a stockpile of this many months of the perspective country's use, for minerals
/// not in <paramref name="StockpileTonnes"/> (0 = none).</param>
/// <param name="PartnerPriority">When true, the spare capacity of the perspective country and its partners serves the
/// perspective country before anyone else.</param>
/// <param name="Partners">Partnerships; the ones covering the perspective country and a mineral make partners.</param>
public sealed record SimulationParameters(
    double SpareCapacity,
    double HorizonMonths,
    string? Perspective,
    IReadOnlyDictionary<string, double> StockpileTonnes,
    double StockpileMonths,
    bool PartnerPriority,
    IReadOnlyList<PartnerLink> Partners)
{
    /// <summary>Default spare capacity: 5 % of output of every producer not hit. A round, deliberately cautious figure (the
    /// mineral markets in the data pack run close to capacity); change it with <c>--spare-capacity</c>.</summary>
    public const double DefaultSpareCapacity = 0.05;

    /// <summary>Defaults: 5 % spare capacity, 12 months, world only, no stockpile, no partner priority.</summary>
    public static SimulationParameters Default { get; } =
        new(DefaultSpareCapacity, 12, null, new Dictionary<string, double>(), 0, false, []);
}
