namespace Khanij.Analytics.Demand;

/// <summary>One deployment figure of a demand scenario.</summary>
/// <param name="Technology">Technology id (see <see cref="Technologies"/>), e.g. <c>battery_cells</c>, <c>solar_pv</c>.</param>
/// <param name="Year">Year the figure is for.</param>
/// <param name="Value">The figure in <paramref name="Unit"/> (≥ 0).</param>
/// <param name="Unit"><c>GWh</c>, <c>GW</c> or <c>share</c>, as the technology requires.</param>
/// <param name="Measure">Per year, stock, or share.</param>
/// <param name="SourceId">Id of the <see cref="DemandSource"/> the figure comes from.</param>
/// <param name="ChemistryMix">For battery technologies: share of GWh by BatPaC chemistry label (sums to 1); null otherwise.</param>
/// <param name="MixSourceId">Id of the source of the chemistry mix, or null when there is no mix.</param>
/// <param name="Note">What the figure is, in words, or null.</param>
/// <param name="Line">1-based line of the row in its file (0 when built in code), for messages and provenance.</param>
public sealed record Deployment(
    string Technology,
    int Year,
    double Value,
    string Unit,
    DeploymentMeasure Measure,
    string SourceId,
    IReadOnlyDictionary<string, double>? ChemistryMix,
    string? MixSourceId,
    string? Note,
    int Line = 0);
