using Khanij.Core;
using Khanij.Core.Facts;

namespace Khanij.Analytics.Risk;

/// <summary>Which export restrictions bite on a mineral at a stage. A restriction counts when its status is one of
/// <see cref="RiskParameters.RestrictionStatuses"/>, its measure is one of <see cref="RiskParameters.RestrictionMeasures"/>, it covers the mineral
/// (or <c>critical_minerals</c>), it targets all destinations or the perspective country, and its scope fits the stage: a scope that
/// names only ores or unprocessed/raw material restricts the mining stage; one that names only processed forms (metals, oxides,
/// compounds, alloys, magnets …) restricts the refining and later stages; a scope naming both, or neither, restricts every stage. Pure.</summary>
public static class RestrictionRules
{
    private static readonly string[] MiningWords = ["ore", "ores", "unprocessed", "raw", "concentrate", "concentrates"];
    private static readonly string[] ProcessedWords =
        ["metal", "metals", "oxide", "oxides", "compound", "compounds", "alloy", "alloys", "magnet", "magnets", "refined", "chemicals"];

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

    /// <summary>True when the restriction's scope fits the stage: only raw forms named → mining; only processed forms named → refining and
    /// later; both or neither → every stage.</summary>
    public static bool AppliesToStage(ExportRestriction restriction, Stage stage)
    {
        ArgumentNullException.ThrowIfNull(restriction);
        var words = restriction.Scope.ToLowerInvariant().Split([' ', ',', ';', '/', '(', ')', '-'], StringSplitOptions.RemoveEmptyEntries);
        var raw = words.Any(w => MiningWords.Contains(w));
        var processed = words.Any(w => ProcessedWords.Contains(w));
        return (raw, processed) switch
        {
            (true, false) => stage == Stage.Mining,
            (false, true) => stage != Stage.Mining,
            _ => true,
        };
    }

    private static bool TargetsPerspective(ExportRestriction r, string? perspectiveIso3) =>
        string.Equals(r.Target, "all", StringComparison.OrdinalIgnoreCase)
        || (perspectiveIso3 is not null && r.Target.Split([';', ' ', ','], StringSplitOptions.RemoveEmptyEntries)
            .Contains(perspectiveIso3, StringComparer.OrdinalIgnoreCase));
}
