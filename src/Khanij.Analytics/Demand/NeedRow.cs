using Khanij.Core.Facts;

namespace Khanij.Analytics.Demand;

/// <summary>The mineral need of one technology × chemistry × mineral in one year.</summary>
/// <param name="Year">Year.</param>
/// <param name="Technology">Technology id.</param>
/// <param name="Chemistry">BatPaC chemistry label.</param>
/// <param name="MineralId">Mineral id (or a material slug such as <c>steel</c>) as the data pack stores it.</param>
/// <param name="Gwh">GWh of that chemistry in that year (the year's GWh × the chemistry's share).</param>
/// <param name="KgPerKwh">BatPaC intensity as published.</param>
/// <param name="Factor">Intensity improvement factor applied (1 = none).</param>
/// <param name="Tonnes">Need in tonnes of the element: <c>Gwh × KgPerKwh × Factor × 1000</c> (1 GWh = 10⁶ kWh, 1 t = 1000 kg).</param>
/// <param name="Basis">How the GWh figure was formed (per year as cited, or the average yearly addition between two cited stocks).</param>
/// <param name="Citations">The deployment figure's and the chemistry mix's citations.</param>
/// <param name="Intensity">Provenance of the intensity row.</param>
public sealed record NeedRow(
    int Year, string Technology, string Chemistry, string MineralId, double Gwh, double KgPerKwh, double Factor, double Tonnes, string Basis,
    IReadOnlyList<string> Citations, Provenance Intensity);
