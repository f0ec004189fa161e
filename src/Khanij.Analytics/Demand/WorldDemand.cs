using Khanij.Core.Facts;

namespace Khanij.Analytics.Demand;

/// <summary>Sets a country's needs beside the IEA's global demand (Global Critical Minerals Outlook 2025, STEPS / APS / NZE). Only years
/// the IEA publishes are compared (no interpolation). Pure.</summary>
public static class WorldDemand
{
    /// <summary>The IEA scenarios shown.</summary>
    public static IReadOnlyList<string> Scenarios { get; } = ["STEPS", "APS", "NZE"];

    /// <summary>One figure per mineral × year × scenario where both the need and an IEA figure exist; the rest are in
    /// <paramref name="missing"/>.</summary>
    public static IReadOnlyList<WorldDemandFigure> Beside(MineralNeeds needs, IReadOnlyList<DemandFigure> demand, out IReadOnlyList<string> missing)
    {
        ArgumentNullException.ThrowIfNull(needs);
        ArgumentNullException.ThrowIfNull(demand);
        var result = new List<WorldDemandFigure>();
        var gaps = new List<string>();
        foreach (var ((mineral, year), tonnes) in needs.Totals.OrderBy(kv => kv.Key.MineralId, StringComparer.Ordinal).ThenBy(kv => kv.Key.Year))
        {
            var found = false;
            foreach (var scenario in Scenarios)
            {
                var figure = Find(demand, "total_demand", "Total demand", mineral, year, scenario);
                var measure = "total demand";
                if (figure is null)
                {
                    figure = Find(demand, "cleantech_demand_by_mineral", "All clean technologies", mineral, year, scenario);
                    measure = "clean-technology demand (the IEA prints no total for this mineral)";
                }
                if (figure is null || !(figure.ValueT > 0))
                {
                    continue;
                }
                found = true;
                result.Add(new WorldDemandFigure(mineral, year, scenario, figure.ValueT, measure, tonnes, tonnes / figure.ValueT,
                    $"{figure.Provenance.SourceFile}:{figure.Provenance.Line} ({figure.Provenance.Edition})"));
            }
            if (!found)
            {
                var years = demand.Where(d => d.MineralId == mineral && Scenarios.Contains(d.Scenario)).Select(d => d.Year).Distinct().Order().ToList();
                gaps.Add(years.Count == 0
                    ? $"{mineral} {year}: the IEA demand file has no figure for {mineral}."
                    : $"{mineral} {year}: the IEA publishes {mineral} only for {string.Join(", ", years)}; no interpolation is made.");
            }
        }
        missing = gaps;
        return result;
    }

    private static DemandFigure? Find(IReadOnlyList<DemandFigure> demand, string table, string sector, string mineral, int year, string scenario) =>
        demand.FirstOrDefault(d => d.Table == table && d.Sector == sector && d.MineralId == mineral && d.Year == year && d.Scenario == scenario);
}
