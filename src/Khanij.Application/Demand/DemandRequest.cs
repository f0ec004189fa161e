using System.ComponentModel;

namespace Khanij.Application.Demand;

/// <summary>A request for a country's mineral needs and supply gap (<c>khanij demand</c>, <c>GET /api/demand</c>).</summary>
/// <param name="Country">Country (ISO3 or name); null means the scenario file's country, or IND without a file.</param>
/// <param name="ScenarioFile">Demand scenario file; null picks the shipped file for the country in <c>scenarios/demand/</c>.</param>
/// <param name="IntensityImprovement">Yearly fall of every kg/kWh (0–0.5); default 0.</param>
/// <param name="BaseYear">Year the intensities describe; null = the scenario's first year.</param>
public sealed record DemandRequest(
    [property: Description("Country, ISO3 or name; default: the scenario's, else IND")] string? Country = null,
    [property: Description("Demand scenario file; default: the shipped file for the country")] string? ScenarioFile = null,
    [property: Description("Yearly fall of BatPaC intensities, 0–0.5")] double IntensityImprovement = 0,
    [property: Description("Year the intensities describe; default: the scenario's first year")] int? BaseYear = null);
