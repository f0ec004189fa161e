using Khanij.Core.Facts;
using Khanij.Core.Text;

namespace Khanij.Analytics.Demand;

/// <summary>Sets a country's needs beside the IEA's global demand (Global Critical Minerals Outlook 2025, STEPS / APS / NZE). Only years
/// the IEA publishes are compared (no interpolation). Pure.</summary>
public static class WorldDemand
{
    /// <summary>The IEA scenarios shown.</summary>
    public static IReadOnlyList<string> Scenarios { get; } = ["STEPS", "APS", "NZE"];

    /// <summary>One figure per mineral × year × scenario where both the need and an IEA figure exist; the rest are in
    /// <paramref name="missing"/>.</summary>
    /// <param name="needs">The scenario's needs.</param>
    /// <param name="demand">IEA demand figures.</param>
    /// <param name="missing">Needs without an IEA figure, and why, in the reader's language.</param>
    /// <param name="phrases">The message catalogue; null for keys only.</param>
    public static IReadOnlyList<WorldDemandFigure> Beside(MineralNeeds needs, IReadOnlyList<DemandFigure> demand, out IReadOnlyList<string> missing,
        IPhrasebook? phrases = null)
    {
        var say = phrases ?? IPhrasebook.Keys;
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
                var measure = say.Format("Demand_MeasureTotal");
                if (figure is null)
                {
                    figure = Find(demand, "cleantech_demand_by_mineral", "All clean technologies", mineral, year, scenario);
                    measure = say.Format("Demand_MeasureCleantech");
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
                    ? say.Format("Demand_WorldNone", say.Name(mineral), year)
                    : say.Format("Demand_WorldYears", say.Name(mineral), year, string.Join(", ", years)));
            }
        }
        missing = gaps;
        return result;
    }

    private static DemandFigure? Find(IReadOnlyList<DemandFigure> demand, string table, string sector, string mineral, int year, string scenario) =>
        demand.FirstOrDefault(d => d.Table == table && d.Sector == sector && d.MineralId == mineral && d.Year == year && d.Scenario == scenario);
}
