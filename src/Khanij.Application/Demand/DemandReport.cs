using Khanij.Analytics.Demand;

namespace Khanij.Application.Demand;

/// <summary>The answer to a <see cref="DemandRequest"/>: what the CLI, the API and the dashboard show.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="ScenarioFile">File it was read from.</param>
/// <param name="Country">ISO3.</param>
/// <param name="Sources">The scenario's citations by id.</param>
/// <param name="Omitted">What the scenario's author left out and why.</param>
/// <param name="IntensityImprovement">Yearly intensity fall used.</param>
/// <param name="BaseYear">Base year of the improvement.</param>
/// <param name="Needs">Needs per technology × chemistry × mineral × year.</param>
/// <param name="Totals">Needs per mineral × year.</param>
/// <param name="NotComputed">Deployment figures that give no need, with the reason.</param>
/// <param name="World">IEA world demand beside the needs.</param>
/// <param name="WorldMissing">Needs without an IEA figure, and why.</param>
/// <param name="Gap">Needs against secured supply.</param>
/// <param name="Notes">Method notes (units, bases).</param>
public sealed record DemandReport(
    string Scenario,
    string ScenarioFile,
    string Country,
    IReadOnlyList<DemandSource> Sources,
    IReadOnlyList<string> Omitted,
    double IntensityImprovement,
    int BaseYear,
    IReadOnlyList<NeedRow> Needs,
    IReadOnlyList<DemandTotal> Totals,
    IReadOnlyList<NotComputed> NotComputed,
    IReadOnlyList<WorldDemandFigure> World,
    IReadOnlyList<string> WorldMissing,
    IReadOnlyList<GapRow> Gap,
    IReadOnlyList<string> Notes);

/// <summary>Total need of one mineral in one year, with the technologies it comes from.</summary>
/// <param name="MineralId">Mineral id.</param>
/// <param name="Year">Year.</param>
/// <param name="Tonnes">Tonnes of element.</param>
/// <param name="ByTechnology">Tonnes per technology.</param>
public sealed record DemandTotal(string MineralId, int Year, double Tonnes, IReadOnlyDictionary<string, double> ByTechnology);
