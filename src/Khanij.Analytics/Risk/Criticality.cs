using System.Globalization;
using Khanij.Core.Facts;

namespace Khanij.Analytics.Risk;

/// <summary>The criticality matrix. The EU's economic importance weighs end-use shares by sector value added; the data pack has no sector
/// value added, so the importance axis here is a stated proxy: 10 × the clean-technology share of total demand in an IEA projection
/// (<see cref="RiskParameters.ImportanceScenario"/>, <see cref="RiskParameters.ImportanceYear"/>). Minerals the IEA demand data does not cover
/// get no importance (reported, not filled). Pure.</summary>
public static class Criticality
{
    /// <summary>The importance statement shown wherever the matrix is shown.</summary>
    public const string ProxyStatement =
        "Sector value added (the EU's economic-importance input) is not in the data pack. Importance here = 10 × the clean-technology share "
        + "of total demand in the IEA projection (scenario and year as parameters); minerals without IEA demand data have no importance value.";

    /// <summary>One point per mineral from its per-stage risks and the IEA demand figures.</summary>
    public static IReadOnlyList<CriticalityPoint> Build(IEnumerable<StageRisk> risks, IEnumerable<DemandFigure> demand, RiskParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(risks);
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(parameters);
        var demandList = demand.Where(d => d.Table == "total_demand").ToList();
        var points = new List<CriticalityPoint>();
        foreach (var group in risks.GroupBy(r => r.MineralId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var top = SupplyRisk.Overall(group)!;
            var (importance, basis, growth) = Importance(demandList, group.Key, parameters);
            points.Add(new CriticalityPoint(group.Key, top.Score, top.Stage, importance, basis, growth));
        }
        return points;
    }

    /// <summary>The importance proxy of one mineral: (value 0–10 or null, what it is, demand growth or null).</summary>
    public static (double? Value, string Basis, double? Growth) Importance(IReadOnlyList<DemandFigure> demand, string mineralId, RiskParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(parameters);
        var rows = demand.Where(d => d.MineralId == mineralId).ToList();
        double? Pick(string sector, string scenario, int year) =>
            rows.FirstOrDefault(d => d.Sector == sector && d.Year == year && string.Equals(d.Scenario, scenario, StringComparison.OrdinalIgnoreCase))?.ValueT;
        var total = Pick("Total demand", parameters.ImportanceScenario, parameters.ImportanceYear);
        var clean = Pick("Total clean technologies", parameters.ImportanceScenario, parameters.ImportanceYear);
        if (total is not { } t || clean is not { } c || t <= 0)
        {
            return (null, $"not in data: no IEA total and clean-technology demand for {mineralId} ({parameters.ImportanceScenario} {parameters.ImportanceYear})", null);
        }
        var baseTotal = Pick("Total demand", "Historical", 2024);
        double? growth = baseTotal is > 0 ? t / baseTotal.Value : null;
        var value = 10 * Math.Clamp(c / t, 0, 1);
        return (value, string.Format(CultureInfo.InvariantCulture, "10 × clean-tech share of demand, IEA {0} {1}: {2:0.#} kt of {3:0.#} kt",
            parameters.ImportanceScenario, parameters.ImportanceYear, c / 1000, t / 1000), growth);
    }
}
