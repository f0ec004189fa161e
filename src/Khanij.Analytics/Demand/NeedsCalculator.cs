using Khanij.Core.Facts;
using Khanij.Core.Text;

namespace Khanij.Analytics.Demand;

/// <summary>Mineral needs = deployment (GWh per year) × chemistry share × BatPaC kg/kWh × improvement factor. Pure.
/// Technologies the data pack has no intensity for are reported in <see cref="MineralNeeds.NotComputed"/>, never estimated.</summary>
public static class NeedsCalculator
{
    /// <summary>Computes the needs of <paramref name="scenario"/>.</summary>
    /// <param name="scenario">The deployment scenario.</param>
    /// <param name="intensities">BatPaC intensities from the data pack.</param>
    /// <param name="options">Intensity improvement; null for none.</param>
    /// <param name="phrases">The message catalogue for the reasons and bases, in the reader's language; null for keys only.</param>
    public static MineralNeeds Compute(DemandScenario scenario, IReadOnlyList<BatteryIntensity> intensities, DemandOptions? options = null,
        IPhrasebook? phrases = null)
    {
        var say = phrases ?? IPhrasebook.Keys;
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(intensities);
        options = (options ?? DemandOptions.Default).Validate();
        var baseYear = options.BaseYear ?? (scenario.Deployments.Count > 0 ? scenario.Deployments.Min(d => d.Year) : 0);
        var byChemistry = intensities.GroupBy(i => i.Chemistry, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(i => i.MineralId, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var rows = new List<NeedRow>();
        var missing = new List<NotComputed>();
        foreach (var d in scenario.Deployments.OrderBy(d => d.Year).ThenBy(d => d.Technology, StringComparer.Ordinal))
        {
            var citation = Cite(scenario, d.SourceId);
            if (!Technologies.IsBattery(d.Technology))
            {
                var reason = d.Measure == DeploymentMeasure.Share
                    ? say.Format("Demand_ReasonShare")
                    : say.Format("Demand_ReasonNoIntensity", say.Name(d.Technology));
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
                        say.Format("Demand_ReasonOneStock"), citation));
                    continue;
                }
                gwh = (d.Value - previous.Value) / (d.Year - previous.Year);
                if (gwh < 0)
                {
                    missing.Add(new NotComputed(d.Year, d.Technology, d.Value, d.Unit,
                        say.Format("Demand_ReasonStockFalls", previous.Value, previous.Year), citation));
                    continue;
                }
                basis = say.Format("Demand_BasisStocks", d.Value, previous.Value, d.Year, previous.Year, gwh);
                citation = Cite(scenario, previous.SourceId) == citation ? citation : Cite(scenario, previous.SourceId) + "; " + citation;
            }
            else
            {
                gwh = d.Value;
                basis = say.Format("Demand_BasisCited", gwh, d.Year);
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
                        say.Format("Demand_ReasonNoChemistry", chemistry), citation));
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
