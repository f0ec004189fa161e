using Khanij.Core;
using Khanij.Core.Facts;

namespace Khanij.Analytics.Risk;

/// <summary>Which export restrictions bite on a mineral at a stage. A restriction counts when its status is one of
/// <see cref="RiskParameters.RestrictionStatuses"/>, its measure is one of <see cref="RiskParameters.RestrictionMeasures"/>, it covers the mineral
/// (or <c>critical_minerals</c>), it targets all destinations or the perspective country, and the stage is one of its curated
/// <see cref="ExportRestriction.Stages"/> (from <c>data/catalogue/restriction_scope.csv</c>; the register's scope text is never parsed). Pure.</summary>
public static class RestrictionRules
{
    /// <summary>Restrictions in force on <paramref name="mineralId"/> at <paramref name="stage"/>, grouped by restricting country.</summary>
    /// <param name="restrictions">The register.</param>
    /// <param name="mineralId">Catalogue mineral id.</param>
    /// <param name="stage">Stage whose supply is restricted.</param>
    /// <param name="perspectiveIso3">Destination whose view is taken (a destination ban counts only if it targets it); null for "all".</param>
    /// <param name="parameters">Statuses and measures that count.</param>
    public static IReadOnlyDictionary<string, IReadOnlyList<ExportRestriction>> InForce(
        IEnumerable<ExportRestriction> restrictions, string mineralId, Stage stage, string? perspectiveIso3, RiskParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(restrictions);
        ArgumentNullException.ThrowIfNull(parameters);
        return restrictions
            .Where(r => parameters.RestrictionStatuses.Contains(r.Status, StringComparer.OrdinalIgnoreCase)
                && parameters.RestrictionMeasures.Contains(r.Measure, StringComparer.OrdinalIgnoreCase)
                && (r.MineralIds.Contains(mineralId, StringComparer.OrdinalIgnoreCase)
                    || r.MineralIds.Contains("critical_minerals", StringComparer.OrdinalIgnoreCase))
                && TargetsPerspective(r, perspectiveIso3)
                && AppliesToStage(r, stage))
            .GroupBy(r => r.Iso3, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ExportRestriction>)[.. g.OrderBy(r => r.Id, StringComparer.Ordinal)], StringComparer.Ordinal);
    }

    /// <summary>True when <paramref name="stage"/> is one of the restriction's curated stages.</summary>
    public static bool AppliesToStage(ExportRestriction restriction, Stage stage)
    {
        ArgumentNullException.ThrowIfNull(restriction);
        return restriction.Stages.Contains(stage);
    }

    /// <summary>Restrictions in force on <paramref name="mineralId"/> (same status, measure and target rules as <see cref="InForce"/>) that
    /// bite at stages other than <paramref name="stage"/> only, ordered by id: shown beside a table so that a restriction on, say,
    /// refined tungsten is not lost when the data pack has tungsten only at the mining stage.</summary>
    public static IReadOnlyList<ExportRestriction> AtOtherStages(
        IEnumerable<ExportRestriction> restrictions, string mineralId, Stage stage, string? perspectiveIso3, RiskParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(restrictions);
        ArgumentNullException.ThrowIfNull(parameters);
        return [.. restrictions
            .Where(r => parameters.RestrictionStatuses.Contains(r.Status, StringComparer.OrdinalIgnoreCase)
                && parameters.RestrictionMeasures.Contains(r.Measure, StringComparer.OrdinalIgnoreCase)
                && (r.MineralIds.Contains(mineralId, StringComparer.OrdinalIgnoreCase)
                    || r.MineralIds.Contains("critical_minerals", StringComparer.OrdinalIgnoreCase))
                && TargetsPerspective(r, perspectiveIso3)
                && !AppliesToStage(r, stage)
                && r.Stages.Count > 0)
            .OrderBy(r => r.Id, StringComparer.Ordinal)];
    }

    private static bool TargetsPerspective(ExportRestriction r, string? perspectiveIso3) =>
        string.Equals(r.Target, "all", StringComparison.OrdinalIgnoreCase)
        || (perspectiveIso3 is not null && r.Target.Split([';', ' ', ','], StringSplitOptions.RemoveEmptyEntries)
            .Contains(perspectiveIso3, StringComparer.OrdinalIgnoreCase));
}
