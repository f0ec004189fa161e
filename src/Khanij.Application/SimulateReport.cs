using System.Globalization;
using Khanij.Analytics.Simulation;
using Khanij.Application.Services;
using Khanij.Core;

namespace Khanij.Application;

/// <summary>The result of <c>khanij simulate</c> as printed (JSON shape = these records in snake_case).</summary>
internal sealed record SimulateReport(
    string Scenario,
    string Engine,
    int Runs,
    ulong Seed,
    string Perspective,
    SimulateReport.ParameterValues Parameters,
    PartnerSet Partners,
    IReadOnlyList<SimulateReport.ShockRow> Shocks,
    IReadOnlyList<SimulateReport.MineralResult> Minerals,
    IReadOnlyList<string> Warnings,
    double ElapsedSeconds)
{
    /// <summary>The parameters in force. Partners (always listed in <see cref="SimulateReport.Partners"/>) are served first only when
    /// <c>PartnerPriority</c> is on.</summary>
    internal sealed record ParameterValues(double SpareCapacity, double HorizonMonths, bool PartnerPriority, double StockpileMonths);

    internal sealed record ShockRow(string Name, string Kind, string Country, string? Target, IReadOnlyList<string> Minerals, string Stage,
        string Fraction, string DurationMonths, string StartMonth, double Probability);

    internal sealed record MineralResult(string Mineral, IReadOnlyList<StageResult> Stages, IReadOnlyList<SectorResult> Sectors,
        IReadOnlyList<BatteryResult> Battery, IReadOnlyList<string> Notes);

    /// <summary>One stage. In <c>Distribution</c> (Monte Carlo only) the country's entries are null exactly where the single-run figure is
    /// null: <c>shortfall_t</c> when its use is unknown, <c>shortfall_fraction</c> at a stage it takes none of. Unknown is never 0.</summary>
    internal sealed record StageResult(string Stage, double WorldOutputT, IReadOnlyDictionary<string, double> ShockedShares,
        double WorldShortfallFraction, double WorldShortfallT, CountryResult Country, IReadOnlyDictionary<string, Stat?>? Distribution);

    /// <summary>The perspective country at a stage. <c>ShortfallT</c> and <c>UseT</c> are null when its use is not in the data;
    /// <c>ShortfallFraction</c> is null at a stage whose product it does not take (mining, when it has no refineries).</summary>
    internal sealed record CountryResult(string Iso3, double? ShortfallFraction, double? ShortfallT, double? UseT, double? StockpileDrawnT);

    internal sealed record SectorResult(string Sector, double Share, double WorldShortfallT, double? CountryShortfallT,
        IReadOnlyDictionary<string, Stat?>? Distribution);

    internal sealed record BatteryResult(string Chemistry, double GwhShare, double KgPerKwh, double WorldGwhNotMade, double? CountryGwhNotMade,
        IReadOnlyDictionary<string, Stat?>? Distribution);

    internal sealed record Stat(double Mean, double Median, double P95, double Cvar95, double Min, double Max);

    public static SimulateReport Build(string name, SimulationModel model, SimulationSummary runs, PartnerSet partners, IReadOnlyList<string> skipped,
        TimeSpan elapsed)
    {
        var p = model.Parameters.Perspective!;
        var index = model.Metrics.Select((m, i) => (m.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var stats = runs.Statistics;
        double Value(string metric) => stats is null ? runs.SingleRun![index[metric]] : stats[index[metric]].Mean;
        Stat? StatOf(string metric)
        {
            if (stats is null)
            {
                return null;
            }
            var s = stats[index[metric]];
            return new Stat(s.Mean, s.Median, s.P95, s.CVaR95, s.Min, s.Max);
        }
        // A null metric is a figure the single run leaves null (use unknown, stage not taken): its distribution is null too, never 0.
        Dictionary<string, Stat?>? Distribution(params (string Key, string? Metric)[] items) =>
            stats is null ? null : items.ToDictionary(x => x.Key, x => x.Metric is null ? null : StatOf(x.Metric), StringComparer.Ordinal);

        var minerals = new List<MineralResult>();
        foreach (var network in model.Networks)
        {
            var mineral = network.MineralId;
            var stages = new List<StageResult>();
            for (var s = 0; s < network.Layers.Count; s++)
            {
                var layer = network.Layers[s];
                var stage = layer.Stage.ToId();
                var shares = model.Events.Where(e => e.MineralIds.Contains(mineral) && e.Stage == layer.Stage)
                    .Select(e => e.Country).Distinct(StringComparer.Ordinal)
                    .ToDictionary(c => c, c => network.IndexOf(c) is var i and >= 0 ? network.Share(s, i) : 0, StringComparer.Ordinal);
                var prefix = $"{mineral}/{stage}/";
                var volume = network.ReceiverVolume(s, network.IndexOf(p));
                var last = s == network.Layers.Count - 1;
                var takes = last || volume > 0;
                var country = new CountryResult(p, takes ? Value(prefix + p + "/shortfall_fraction") : null,
                    volume > 0 ? Value(prefix + p + "/shortfall_t") : null, volume > 0 ? volume * model.Parameters.HorizonMonths / 12 : null,
                    last ? Value(prefix + p + "/stockpile_drawn_t") : null);
                stages.Add(new StageResult(stage, layer.TotalCapacity, shares, Value(prefix + "world/shortfall_fraction"),
                    Value(prefix + "world/shortfall_t"), country,
                    Distribution(("world_shortfall_fraction", prefix + "world/shortfall_fraction"), ("world_shortfall_t", prefix + "world/shortfall_t"),
                        ("shortfall_fraction", takes ? prefix + p + "/shortfall_fraction" : null),
                        ("shortfall_t", volume > 0 ? prefix + p + "/shortfall_t" : null))));
            }
            var lastVolume = network.Consumption[network.IndexOf(p)];
            var sectors = network.Sectors.Select(sector => new SectorResult(sector.Name, sector.Share,
                Value($"{mineral}/{sector.Name}/world/shortfall_t"), lastVolume > 0 ? Value($"{mineral}/{sector.Name}/{p}/shortfall_t") : null,
                Distribution(("world_shortfall_t", $"{mineral}/{sector.Name}/world/shortfall_t"),
                    ("shortfall_t", lastVolume > 0 ? $"{mineral}/{sector.Name}/{p}/shortfall_t" : null)))).ToList();
            var battery = network.BatteryChemistries.Where(c => index.ContainsKey($"{mineral}/{c.Chemistry}/world/gwh_not_made"))
                .Select(c => new BatteryResult(c.Chemistry, c.GwhShare, c.KgPerKwh, Value($"{mineral}/{c.Chemistry}/world/gwh_not_made"),
                    lastVolume > 0 ? Value($"{mineral}/{c.Chemistry}/{p}/gwh_not_made") : null,
                    Distribution(("world_gwh_not_made", $"{mineral}/{c.Chemistry}/world/gwh_not_made"),
                        ("gwh_not_made", lastVolume > 0 ? $"{mineral}/{c.Chemistry}/{p}/gwh_not_made" : null)))).ToList();
            minerals.Add(new MineralResult(mineral, stages, sectors, battery, network.Notes));
        }
        var parameters = model.Parameters;
        var shocks = model.Events.Select(e => new ShockRow(e.Name, e.Kind switch
        {
            ShockKind.Outage => "outage",
            ShockKind.DestinationBan => "destination_ban",
            _ => "cut",
        }, e.Country, e.Target, e.MineralIds, e.Stage.ToId(), e.Fraction.ToString(), e.DurationMonths.ToString(), e.StartMonth.ToString(),
            e.Probability)).ToList();
        return new SimulateReport(name, runs.Engine, checked((int)runs.RunCount), runs.Seed, p,
            new ParameterValues(parameters.SpareCapacity, parameters.HorizonMonths, parameters.PartnerPriority, parameters.StockpileMonths),
            partners, shocks, minerals, [.. model.Warnings, .. skipped], elapsed.TotalSeconds);
    }
}
