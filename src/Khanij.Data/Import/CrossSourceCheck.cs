using Khanij.Core;
using Khanij.Core.Facts;

namespace Khanij.Data.Import;

/// <summary>One disagreement found by <see cref="CrossSourceCheck"/>: two sources' world totals for one mineral and stage.</summary>
/// <param name="MineralId">Catalogue mineral id.</param>
/// <param name="Stage">Stage.</param>
/// <param name="SourceA">The source with the smaller total.</param>
/// <param name="YearA">Its year.</param>
/// <param name="TotalA">Its world total, tonnes.</param>
/// <param name="SourceB">The source with the larger total.</param>
/// <param name="YearB">Its year.</param>
/// <param name="TotalB">Its world total, tonnes.</param>
/// <param name="Ratio">TotalB / TotalA (≥ 1).</param>
/// <param name="Message">What is printed by <c>data import</c> and <c>data status</c>.</param>
public sealed record CrossSourceWarning(
    string MineralId, Stage Stage, string SourceA, int YearA, double TotalA, string SourceB, int YearB, double TotalB, double Ratio, string Message);

/// <summary>Compares the world totals that different sources give for the same mineral and stage, to catch a unit or measure error
/// (a table in thousand tonnes labelled tonnes differs by 1,000×). Pure.
/// <list type="bullet">
/// <item>Only observed production tables take part: no projection scenario, no capacity measure.</item>
/// <item>A table's world total is the publisher's exact total (aggregate kind <c>total</c>) when it prints one, else the sum of its
/// country and aggregate rows (a rounded <c>world_total</c> is not used).</item>
/// <item>Two sources are compared at the pair of years closest to each other (the later pair on a tie); the warning names both years.</item>
/// <item>Tables on different bases are not comparable and are skipped: rare-earth oxide (REO) against the IEA's magnet rare earth
/// elements.</item>
/// </list></summary>
public static class CrossSourceCheck
{
    /// <summary>The default threshold: totals more than 3× apart are reported.</summary>
    public const double DefaultMaxRatio = 3;

    /// <summary>Every pair of sources whose world totals for a mineral and stage differ by more than <paramref name="maxRatio"/>×,
    /// ordered by mineral, stage and sources.</summary>
    public static IReadOnlyList<CrossSourceWarning> Run(IEnumerable<SupplyFact> facts, double maxRatio = DefaultMaxRatio)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxRatio, 1);
        var totals = facts
            .Where(f => f.Scenario is null && f.Value is not null && !f.Measure.Contains("capacity", StringComparison.OrdinalIgnoreCase))
            .GroupBy(f => (f.Source, f.MineralId, f.Stage, f.Year, f.Measure))
            .Select(g => (g.Key.Source, g.Key.MineralId, g.Key.Stage, g.Key.Year, Basis: BasisClass(g.First().Basis), Total: WorldTotal([.. g])))
            .Where(t => t.Total > 0)
            .ToList();
        var warnings = new List<CrossSourceWarning>();
        foreach (var group in totals.GroupBy(t => (t.MineralId, t.Stage, t.Basis)))
        {
            var bySource = group.GroupBy(t => t.Source, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            for (var i = 0; i < bySource.Count; i++)
            {
                for (var j = i + 1; j < bySource.Count; j++)
                {
                    var pair = (from a in bySource[i] from b in bySource[j] select (A: a, B: b))
                        .OrderBy(p => Math.Abs(p.A.Year - p.B.Year))
                        .ThenByDescending(p => Math.Max(p.A.Year, p.B.Year))
                        .ThenByDescending(p => Math.Min(p.A.Year, p.B.Year))
                        .First();
                    var (lo, hi) = pair.A.Total <= pair.B.Total ? (pair.A, pair.B) : (pair.B, pair.A);
                    var ratio = hi.Total / lo.Total;
                    if (ratio <= maxRatio)
                    {
                        continue;
                    }
                    var gap = Math.Abs(lo.Year - hi.Year);
                    var message = FormattableString.Invariant(
                        $"{group.Key.MineralId} {group.Key.Stage.ToId()}: {lo.Source} ({lo.Year}) world total {lo.Total:#,0.###} t against {hi.Source} ({hi.Year}) {hi.Total:#,0.###} t, {ratio:0.#}× apart (more than {maxRatio:0.#}×)")
                        + (gap > 0 ? FormattableString.Invariant($"; the years differ by {gap}") : "")
                        + ". Check the unit and the measure of both tables.";
                    warnings.Add(new CrossSourceWarning(group.Key.MineralId, group.Key.Stage, lo.Source, lo.Year, lo.Total, hi.Source, hi.Year, hi.Total,
                        ratio, message));
                }
            }
        }
        return [.. warnings.OrderBy(w => w.MineralId, StringComparer.Ordinal).ThenBy(w => w.Stage)
            .ThenBy(w => w.SourceA, StringComparer.Ordinal).ThenBy(w => w.SourceB, StringComparer.Ordinal)];
    }

    /// <summary>The exact total when printed, else the sum of country and aggregate rows (rounded world totals left out).</summary>
    private static double WorldTotal(IReadOnlyList<SupplyFact> rows)
    {
        var exact = rows.Where(f => f.AggregateKind == "total").Select(f => f.Value!.Value).ToList();
        return exact.Count > 0 ? exact.Max() : rows.Where(f => f.AggregateKind is not ("total" or "world_total")).Sum(f => f.Value!.Value);
    }

    /// <summary>Bases that measure different things: REO (all rare earths as oxide) and the IEA's magnet rare earth elements. Every other
    /// basis in the pack is tonnes of the contained element or of the mineral itself and is compared.</summary>
    private static string BasisClass(string basis) =>
        basis.Contains("magnet rare earth", StringComparison.OrdinalIgnoreCase) ? "magnet REE"
        : basis.Contains("REO", StringComparison.Ordinal) ? "REO"
        : "mass";
}
