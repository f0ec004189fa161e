namespace Khanij.Analytics.Demand;

/// <summary>The IEA's world demand for a mineral in a year and scenario, and the country's need as a share of it.</summary>
/// <param name="MineralId">Mineral id.</param>
/// <param name="Year">Year.</param>
/// <param name="Scenario">STEPS, APS or NZE.</param>
/// <param name="WorldTonnes">IEA world demand, tonnes.</param>
/// <param name="Measure"><c>total demand</c>, or <c>clean-technology demand</c> where the IEA prints no total for the mineral.</param>
/// <param name="CountryNeedTonnes">The scenario's need for the mineral in that year, tonnes.</param>
/// <param name="Share">Need ÷ world demand.</param>
/// <param name="Source">"file:line (edition)" of the IEA row.</param>
public sealed record WorldDemandFigure(
    string MineralId, int Year, string Scenario, double WorldTonnes, string Measure, double CountryNeedTonnes, double Share, string Source);
