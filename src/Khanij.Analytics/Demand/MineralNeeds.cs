namespace Khanij.Analytics.Demand;

/// <summary>A scenario's mineral needs: every technology × chemistry × mineral row, the figures that give no need, and totals.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Options">Parameters used.</param>
/// <param name="BaseYear">Base year of the intensity improvement actually used.</param>
/// <param name="Rows">Needs rows, by year, technology, chemistry, mineral.</param>
/// <param name="NotComputed">Figures without a need, with the reason.</param>
public sealed record MineralNeeds(
    DemandScenario Scenario, DemandOptions Options, int BaseYear, IReadOnlyList<NeedRow> Rows, IReadOnlyList<NotComputed> NotComputed)
{
    /// <summary>Total tonnes per (mineral, year), over technologies and chemistries; a mineral the year's chemistries do not contain
    /// (BatPaC intensity 0, e.g. cobalt in LFP) has no entry.</summary>
    public IReadOnlyDictionary<(string MineralId, int Year), double> Totals =>
        Rows.GroupBy(r => (r.MineralId, r.Year)).Where(g => g.Sum(r => r.Tonnes) > 0).ToDictionary(g => g.Key, g => g.Sum(r => r.Tonnes));

    /// <summary>Minerals with a need, in name order.</summary>
    public IReadOnlyList<string> Minerals => [.. Rows.Select(r => r.MineralId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Years with a need, ascending.</summary>
    public IReadOnlyList<int> Years => [.. Rows.Select(r => r.Year).Distinct().Order()];
}
