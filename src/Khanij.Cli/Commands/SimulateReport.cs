using System.Globalization;
using Khanij.Analytics.Simulation;
using Khanij.Core;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary>The result of <c>khanij simulate</c> as printed (JSON shape = these records in snake_case).</summary>
internal sealed record SimulateReport(
    string Scenario,
    string Engine,
    int Runs,
    ulong Seed,
    string Perspective,
    SimulateReport.ParameterValues Parameters,
    IReadOnlyList<SimulateReport.ShockRow> Shocks,
    IReadOnlyList<SimulateReport.MineralResult> Minerals,
    IReadOnlyList<string> Warnings,
    double ElapsedSeconds)
{
    internal sealed record ParameterValues(double SpareCapacity, double HorizonMonths, bool PartnerPriority, double StockpileMonths,
        IReadOnlyList<string> Partners);

    internal sealed record ShockRow(string Name, string Kind, string Country, string? Target, IReadOnlyList<string> Minerals, string Stage,
        string Fraction, string DurationMonths, string StartMonth, double Probability);

    internal sealed record MineralResult(string Mineral, IReadOnlyList<StageResult> Stages, IReadOnlyList<SectorResult> Sectors,
        IReadOnlyList<BatteryResult> Battery, IReadOnlyList<string> Notes);

    internal sealed record StageResult(string Stage, double WorldOutputT, IReadOnlyDictionary<string, double> ShockedShares,
        double WorldShortfallFraction, double WorldShortfallT, CountryResult Country, IReadOnlyDictionary<string, Stat>? Distribution);

    /// <summary>The perspective country at a stage. <c>ShortfallT</c> and <c>UseT</c> are null when its use is not in the data;
    /// <c>ShortfallFraction</c> is null at a stage whose product it does not take (mining, when it has no refineries).</summary>
    internal sealed record CountryResult(string Iso3, double? ShortfallFraction, double? ShortfallT, double? UseT, double? StockpileDrawnT);

    internal sealed record SectorResult(string Sector, double Share, double WorldShortfallT, double? CountryShortfallT,
        IReadOnlyDictionary<string, Stat>? Distribution);

    internal sealed record BatteryResult(string Chemistry, double GwhShare, double KgPerKwh, double WorldGwhNotMade, double? CountryGwhNotMade,
        IReadOnlyDictionary<string, Stat>? Distribution);

    internal sealed record Stat(double Mean, double Median, double P95, double Cvar95, double Min, double Max);

    public static SimulateReport Build(string name, SimulationModel model, SimulationRuns runs, IReadOnlyList<string> skipped, TimeSpan elapsed)
    {
        var p = model.Parameters.Perspective!;
        var index = model.Metrics.Select((m, i) => (m.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var stats = runs.IsMonteCarlo ? runs.Summarise() : null;
        double Value(string metric) => stats is null ? runs[0, index[metric]] : stats[index[metric]].Mean;
        Stat? StatOf(string metric)
        {
            if (stats is null)
            {
                return null;
            }
            var s = stats[index[metric]];
            return new Stat(s.Mean, s.Median, s.P95, s.CVaR95, s.Min, s.Max);
        }
        Dictionary<string, Stat>? Distribution(params (string Key, string Metric)[] items) =>
            stats is null ? null : items.ToDictionary(x => x.Key, x => StatOf(x.Metric)!, StringComparer.Ordinal);

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
                var country = new CountryResult(p, last || volume > 0 ? Value(prefix + p + "/shortfall_fraction") : null,
                    volume > 0 ? Value(prefix + p + "/shortfall_t") : null, volume > 0 ? volume * model.Parameters.HorizonMonths / 12 : null,
                    last ? Value(prefix + p + "/stockpile_drawn_t") : null);
                stages.Add(new StageResult(stage, layer.TotalCapacity, shares, Value(prefix + "world/shortfall_fraction"),
                    Value(prefix + "world/shortfall_t"), country,
                    Distribution(("world_shortfall_fraction", prefix + "world/shortfall_fraction"), ("world_shortfall_t", prefix + "world/shortfall_t"),
                        ("shortfall_fraction", prefix + p + "/shortfall_fraction"), ("shortfall_t", prefix + p + "/shortfall_t"))));
            }
            var lastVolume = network.Consumption[network.IndexOf(p)];
            var sectors = network.Sectors.Select(sector => new SectorResult(sector.Name, sector.Share,
                Value($"{mineral}/{sector.Name}/world/shortfall_t"), lastVolume > 0 ? Value($"{mineral}/{sector.Name}/{p}/shortfall_t") : null,
                Distribution(("world_shortfall_t", $"{mineral}/{sector.Name}/world/shortfall_t"),
                    ("shortfall_t", $"{mineral}/{sector.Name}/{p}/shortfall_t")))).ToList();
            var battery = network.BatteryChemistries.Where(c => index.ContainsKey($"{mineral}/{c.Chemistry}/world/gwh_not_made"))
                .Select(c => new BatteryResult(c.Chemistry, c.GwhShare, c.KgPerKwh, Value($"{mineral}/{c.Chemistry}/world/gwh_not_made"),
                    lastVolume > 0 ? Value($"{mineral}/{c.Chemistry}/{p}/gwh_not_made") : null,
                    Distribution(("world_gwh_not_made", $"{mineral}/{c.Chemistry}/world/gwh_not_made"),
                        ("gwh_not_made", $"{mineral}/{c.Chemistry}/{p}/gwh_not_made")))).ToList();
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
        return new SimulateReport(name, runs.Engine, runs.RunCount, runs.Seed, p,
            new ParameterValues(parameters.SpareCapacity, parameters.HorizonMonths, parameters.PartnerPriority, parameters.StockpileMonths,
                [.. parameters.Partners.Where(_ => parameters.PartnerPriority).Select(l => l.CountryA == p ? l.CountryB : l.CountryA).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]),
            shocks, minerals, [.. model.Warnings, .. skipped], elapsed.TotalSeconds);
    }

    public static void Render(IAnsiConsole console, SimulateReport r)
    {
        var mc = r.Runs > 1;
        console.MarkupLine($"[bold]{r.Scenario.EscapeMarkup()}[/] — {r.Runs:N0} run{(mc ? "s" : "")}, seed {r.Seed}, {r.Engine} engine, "
            + F($"{r.ElapsedSeconds:0.00} s; ") + F($"spare capacity {r.Parameters.SpareCapacity:P0}, horizon {r.Parameters.HorizonMonths:0.#} months, ")
            + $"perspective {r.Perspective}" + (r.Parameters.PartnerPriority ? $" (partner priority: {string.Join(" ", r.Parameters.Partners)})" : ""));
        var shocks = new Table().Title("Shocks").AddColumns("name", "kind", "country", "minerals", "stage", "fraction", "months", "start", "probability");
        foreach (var s in r.Shocks)
        {
            shocks.AddRow(s.Name.EscapeMarkup(), s.Kind, s.Target is null ? s.Country : $"{s.Country} → {s.Target}", string.Join(" ", s.Minerals),
                s.Stage, s.Fraction, s.DurationMonths, s.StartMonth, F($"{s.Probability:0.##}"));
        }
        console.Write(shocks);
        foreach (var m in r.Minerals)
        {
            var title = mc ? $"{m.Mineral}: mean (median · P95 · CVaR95) over runs" : m.Mineral;
            var table = new Table().Title(title.EscapeMarkup()).AddColumns("stage", "shocked share", "world short", "world short (t)",
                $"{r.Perspective} short", $"{r.Perspective} short (t)", $"{r.Perspective} stockpile drawn (t)");
            foreach (var s in m.Stages)
            {
                var shares = string.Join(" ", s.ShockedShares.Select(x => F($"{x.Key} {x.Value:P1}")));
                table.AddRow(s.Stage, shares,
                    Cell(s.WorldShortfallFraction, s.Distribution?["world_shortfall_fraction"], true),
                    Cell(s.WorldShortfallT, s.Distribution?["world_shortfall_t"], false),
                    s.Country.ShortfallFraction is { } f ? Cell(f, s.Distribution?["shortfall_fraction"], true) : "[grey]takes none[/]",
                    s.Country.ShortfallT is { } t ? Cell(t, s.Distribution?["shortfall_t"], false) : "[grey]use unknown[/]",
                    s.Country.StockpileDrawnT is { } d ? F($"{d:N0}") : "");
            }
            console.Write(table);
            if (m.Sectors.Count > 0)
            {
                var sectors = new Table().Title($"{m.Mineral}: downstream (refined shortfall by end use)".EscapeMarkup())
                    .AddColumns("sector / chemistry", "share", "world", r.Perspective);
                foreach (var s in m.Sectors)
                {
                    sectors.AddRow(s.Sector.EscapeMarkup(), F($"{s.Share:P1}"), Cell(s.WorldShortfallT, s.Distribution?["world_shortfall_t"], false) + " t",
                        s.CountryShortfallT is { } c ? Cell(c, s.Distribution?["shortfall_t"], false) + " t" : "[grey]use unknown[/]");
                }
                foreach (var b in m.Battery)
                {
                    sectors.AddRow($"{b.Chemistry.EscapeMarkup()} cells not made", F($"{b.GwhShare:P0} of GWh"),
                        Cell(b.WorldGwhNotMade, b.Distribution?["world_gwh_not_made"], false, "0.###") + " GWh",
                        b.CountryGwhNotMade is { } c ? Cell(c, b.Distribution?["gwh_not_made"], false, "0.###") + " GWh" : "[grey]use unknown[/]");
                }
                console.Write(sectors);
            }
            foreach (var note in m.Notes)
            {
                console.MarkupLine($"[grey]  {m.Mineral}: {note.EscapeMarkup()}[/]");
            }
        }
        foreach (var w in r.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {w.EscapeMarkup()}");
        }
    }

    private static string Cell(double value, Stat? stat, bool percent, string number = "N0")
    {
        string Fmt(double v) => percent ? v.ToString("P2", CultureInfo.InvariantCulture) : v.ToString(number, CultureInfo.InvariantCulture);
        return stat is null ? Fmt(value) : $"{Fmt(stat.Mean)} [grey]({Fmt(stat.Median)} · {Fmt(stat.P95)} · {Fmt(stat.Cvar95)})[/]";
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
