using System.Globalization;
using Khanij.Core.Facts;

namespace Khanij.Analytics.Demand;

/// <summary>Mineral needs = deployment (GWh per year) × chemistry share × BatPaC kg/kWh × improvement factor. Pure.
/// Technologies the data pack has no intensity for are reported in <see cref="MineralNeeds.NotComputed"/>, never estimated.</summary>
public static class NeedsCalculator
{
    /// <summary>Computes the needs of <paramref name="scenario"/>.</summary>
    /// <param name="scenario">The deployment scenario.</param>
    /// <param name="intensities">BatPaC intensities from the data pack.</param>
    /// <param name="options">Intensity improvement; null for none.</param>
    public static MineralNeeds Compute(DemandScenario scenario, IReadOnlyList<BatteryIntensity> intensities, DemandOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(intensities);
        options = (options ?? DemandOptions.Default).Validate();
        var baseYear = options.BaseYear ?? (scenario.Deployments.Count > 0 ? scenario.Deployments.Min(d => d.Year) : 0);
        var byChemistry = intensities.GroupBy(i => i.Chemistry, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(i => i.MineralId, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var rows = new List<NeedRow>();
        var missing = new List<NotComputed>();
        var inv = CultureInfo.InvariantCulture;
        foreach (var d in scenario.Deployments.OrderBy(d => d.Year).ThenBy(d => d.Technology, StringComparer.Ordinal))
        {
            var citation = Cite(scenario, d.SourceId);
            if (!Technologies.IsBattery(d.Technology))
            {
                var reason = d.Measure == DeploymentMeasure.Share
                    ? "a share of sales carries no quantity; the file gives no battery GWh for it"
                    : $"the data pack has no mineral intensity for {d.Technology} (BatPaC covers batteries only)";
                missing.Add(new NotComputed(d.Year, d.Technology, d.Value, d.Unit, reason, citation));
                continue;
            }
            double gwh;
            string basis;
            if (d.Measure == DeploymentMeasure.Stock)
            {
                var previous = scenario.Deployments
                    .Where(p => p.Technology == d.Technology && p.Measure == DeploymentMeasure.Stock && p.Year < d.Year)
                    .OrderByDescending(p => p.Year).FirstOrDefault();
                if (previous is null)
                {
                    missing.Add(new NotComputed(d.Year, d.Technology, d.Value, d.Unit,
                        "an installed stock with no earlier stock figure in the file; a yearly addition needs two stock figures", citation));
                    continue;
                }
                gwh = (d.Value - previous.Value) / (d.Year - previous.Year);
                if (gwh < 0)
                {
                    missing.Add(new NotComputed(d.Year, d.Technology, d.Value, d.Unit,
                        $"the stock falls from {previous.Value.ToString("G6", inv)} GWh in {previous.Year}; no additions to supply", citation));
                    continue;
                }
                basis = string.Format(inv, "average yearly addition ({0:G6} − {1:G6} GWh) / ({2} − {3}) = {4:G6} GWh/yr between cited stocks",
                    d.Value, previous.Value, d.Year, previous.Year, gwh);
                citation = Cite(scenario, previous.SourceId) == citation ? citation : Cite(scenario, previous.SourceId) + "; " + citation;
            }
            else
            {
                gwh = d.Value;
                basis = string.Format(inv, "{0:G6} GWh in {1} as cited", gwh, d.Year);
            }
            var factor = d.Year > baseYear ? Math.Pow(1 - options.IntensityImprovement, d.Year - baseYear) : 1.0;
            foreach (var (chemistry, share) in d.ChemistryMix!.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                if (share == 0)
                {
                    continue;
                }
                if (!byChemistry.TryGetValue(chemistry, out var list))
                {
                    missing.Add(new NotComputed(d.Year, d.Technology, gwh * share, "GWh",
                        $"no BatPaC intensity for chemistry '{chemistry}' in the data pack", citation));
                    continue;
                }
                var citations = new[] { citation, Cite(scenario, d.MixSourceId!) };
                foreach (var i in list)
                {
                    var g = gwh * share;
                    rows.Add(new NeedRow(d.Year, d.Technology, chemistry, i.MineralId, g, i.KgPerKwh, factor, g * i.KgPerKwh * factor * 1000,
                        basis, citations, i.Provenance));
                }
            }
        }
        return new MineralNeeds(scenario, options, baseYear, rows, missing);
    }

    private static string Cite(DemandScenario scenario, string sourceId) =>
        scenario.Sources.TryGetValue(sourceId, out var s) ? s.Citation : sourceId;
}
