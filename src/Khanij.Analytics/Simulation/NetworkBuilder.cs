using System.Globalization;
using Khanij.Core;
using Khanij.Core.Facts;
using Khanij.Core.Text;

namespace Khanij.Analytics.Simulation;

/// <summary>
/// Builds a <see cref="SupplyNetwork"/> from store facts, following <c>docs/simulation.md</c>: producers per stage from one supply
/// source and year; mine → refinery feed from the Cheng et al. Sankey where present, else in proportion to mining shares; refinery →
/// importer from the importer's trade data where present, else in proportion to refining shares; end-use sectors from IEA demand;
/// battery GWh through BatPaC intensities. Every choice is written into <see cref="SupplyNetwork.Notes"/>. Pure.
/// </summary>
public static class NetworkBuilder
{
    /// <summary>Supply sources in the order they are tried when none is preferred.</summary>
    public static IReadOnlyList<string> SourceOrder { get; } = ["iea", "usgs", "cheng2020", "usgs2024"];

    /// <summary>Minerals whose electric-vehicle and grid-storage demand is battery cells (so tonnes become GWh).</summary>
    public static IReadOnlyList<string> BatteryMinerals { get; } = ["lithium", "nickel", "cobalt", "manganese", "graphite", "phosphorus"];

    /// <summary>Default battery mix (share of GWh): an even split of LFP and NMC 811. An assumption, not data: set
    /// <c>battery_mix</c> in the scenario to change it.</summary>
    public static IReadOnlyDictionary<string, double> DefaultBatteryMix { get; } =
        new Dictionary<string, double>(StringComparer.Ordinal) { ["LFP"] = 0.5, ["NMC 811"] = 0.5 };

    private static readonly string[] PseudoKinds = ["other", "rest_of_world", "region"];

    /// <summary>Builds the network, or returns null with <paramref name="whyNot"/> when the mineral has no country supply data.</summary>
    public static SupplyNetwork? Build(NetworkInputs inputs, out string? whyNot)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        whyNot = null;
        var say = inputs.Phrases ?? IPhrasebook.Keys;
        var notes = new List<string>();
        var mining = Choose(inputs, Stage.Mining, notes);
        var refining = Choose(inputs, Stage.Refining, notes);
        if (mining is null && refining is null)
        {
            whyNot = say.Format("Sim_NoSupply", say.Name(inputs.MineralId));
            return null;
        }

        // Countries: producers at either stage (aggregates as labelled pseudo-nodes), then the perspective and extra countries.
        var countries = new List<string>();
        void Add(string id)
        {
            if (!countries.Contains(id))
            {
                countries.Add(id);
            }
        }
        foreach (var f in (mining ?? []).Concat(refining ?? []))
        {
            Add(NodeId(f));
        }
        if (inputs.Perspective is not null)
        {
            Add(inputs.Perspective);
        }
        foreach (var c in inputs.ExtraCountries)
        {
            Add(c);
        }
        var n = countries.Count;
        var index = countries.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        double[] Capacity(List<SupplyFact> facts)
        {
            var cap = new double[n];
            foreach (var f in facts)
            {
                cap[index[NodeId(f)]] += f.Value!.Value;
            }
            return cap;
        }

        var layers = new List<StageLayer>();
        double[]? miningCap = mining is null ? null : Capacity(mining);
        double[]? refiningCap = refining is null ? null : Capacity(refining);
        if (miningCap is not null && refiningCap is not null)
        {
            layers.Add(new StageLayer(Stage.Mining, miningCap, FeedShares(inputs, countries, index, miningCap, refiningCap, notes)));
        }
        var last = refiningCap ?? miningCap!;
        var lastStage = refiningCap is not null ? Stage.Refining : Stage.Mining;
        var consumption = new double[n];
        var sourcing = StageLayer.ProportionalSourcing(last);
        foreach (var k in new[] { inputs.Perspective }.Concat(inputs.ExtraCountries).OfType<string>().Distinct())
        {
            ImporterSourcing(inputs, k, lastStage, countries, index, last, sourcing, consumption, notes);
        }
        layers.Add(new StageLayer(lastStage, last, sourcing));
        if (miningCap is null)
        {
            notes.Add(say.Format("Sim_NoMining"));
        }

        var sectors = Sectors(inputs, notes);
        var chemistries = new List<BatteryChemistryShare>();
        foreach (var (chemistry, share) in inputs.BatteryMix)
        {
            var k = inputs.Intensities.Where(i => i.MineralId == inputs.MineralId && i.Chemistry == chemistry).Select(i => i.KgPerKwh)
                .FirstOrDefault();
            chemistries.Add(new BatteryChemistryShare(chemistry, share, k));
        }
        if (sectors.Any(s => s.IsBattery))
        {
            notes.Add(say.Format("Sim_BatteryMix", string.Join(", ", chemistries.Select(c =>
                string.Create(CultureInfo.InvariantCulture, $"{c.Chemistry} {c.GwhShare * 100:0} % ({c.KgPerKwh:G3} kg/kWh)")))));
        }
        return new SupplyNetwork(inputs.MineralId, countries, layers, consumption, sectors, chemistries, notes);
    }

    /// <summary>The facts used for a stage: the preferred (or first available) source, its latest year with actual (non-estimate)
    /// figures, country rows plus "other"/"rest of world"/region rows; world totals excluded.</summary>
    private static List<SupplyFact>? Choose(NetworkInputs inputs, Stage stage, List<string> notes)
    {
        var usable = inputs.Supply.Where(f => f.MineralId == inputs.MineralId && f.Stage == stage && f.Scenario is null
            && f.Value is > 0 && (f.IsCountry || PseudoKinds.Contains(f.AggregateKind))).ToList();
        var order = inputs.PreferredSource is null ? SourceOrder : [inputs.PreferredSource, .. SourceOrder];
        foreach (var source in order)
        {
            var rows = usable.Where(f => f.Source == source && f.IsCountry).ToList();
            if (rows.Count == 0)
            {
                continue;
            }
            var actual = rows.Where(f => !f.IsEstimate).Select(f => f.Year).DefaultIfEmpty(rows.Max(f => f.Year)).Max();
            var chosen = usable.Where(f => f.Source == source && f.Year == actual).ToList();
            // One measure per table: production before capacity (USGS gallium prints both), then the measure with most rows.
            var measure = chosen.GroupBy(f => f.Measure)
                .OrderBy(g => Risk.SupplyKey.IsCapacityMeasure(g.Key) ? 1 : 0)
                .ThenByDescending(g => g.Count())
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .First().Key;
            chosen = [.. chosen.Where(f => f.Measure == measure)];
            var first = chosen[0];
            var stageId = stage.ToId();
            var say = inputs.Phrases ?? IPhrasebook.Keys;
            notes.Add(say.Format("Sim_StageData", say.Name(stageId), first.Provenance.Edition, say.Name(measure), actual, chosen.Count, first.Basis, first.Unit,
                first.Provenance.SourceFile));
            return chosen;
        }
        return null;
    }

    private static string NodeId(SupplyFact f) => f.Iso3 ?? "~" + (f.Provenance.OriginalLabel.Length > 0 ? f.Provenance.OriginalLabel : f.AggregateKind);

    private static double[] FeedShares(NetworkInputs inputs, List<string> countries, Dictionary<string, int> index, double[] miningCap,
        double[] refiningCap, List<string> notes)
    {
        var n = countries.Count;
        var shares = StageLayer.ProportionalSourcing(miningCap);
        var edges = inputs.Sankey.Where(e => e.MineralId == inputs.MineralId && e.TargetKind == "ref_poss" && e.TargetIso3 is not null
            && e.ValueT > 0).ToList();
        var fromFlows = new List<string>();
        var miningTotal = miningCap.Sum();
        foreach (var refiner in edges.GroupBy(e => e.TargetIso3!))
        {
            if (!index.TryGetValue(refiner.Key, out var k) || refiningCap[k] <= 0)
            {
                continue;
            }
            var total = refiner.Sum(e => e.ValueT);
            for (var i = 0; i < n; i++)
            {
                shares[i * n + k] = 0;
            }
            // Ore of unknown origin, from traders without mines, or from mines outside the supply data is bought on the world
            // market: it is spread over miners in proportion to their shares rather than left immune to shocks.
            var unattributed = 0.0;
            foreach (var e in refiner)
            {
                if (e.SourceKind == "mine" && e.SourceIso3 is not null && index.TryGetValue(e.SourceIso3, out var i) && miningCap[i] > 0)
                {
                    shares[i * n + k] += e.ValueT / total;
                }
                else
                {
                    unattributed += e.ValueT / total;
                }
            }
            for (var i = 0; i < n; i++)
            {
                shares[i * n + k] += unattributed * miningCap[i] / miningTotal;
            }
            fromFlows.Add(refiner.Key);
        }
        var year = edges.Count > 0 ? edges[0].Year.ToString(CultureInfo.InvariantCulture) : "";
        var say = inputs.Phrases ?? IPhrasebook.Keys;
        notes.Add(fromFlows.Count > 0
            ? say.Format("Sim_FeedFlows", year, string.Join(", ", fromFlows.Order(StringComparer.Ordinal)))
            : say.Format("Sim_FeedProportional"));
        return shares;
    }

    private static void ImporterSourcing(NetworkInputs inputs, string k, Stage lastStage, List<string> countries, Dictionary<string, int> index,
        double[] capacity, double[] sourcing, double[] consumption, List<string> notes)
    {
        var n = countries.Count;
        var column = index[k];
        var imports = lastStage == Stage.Refining
            ? Risk.TradeFlowRows.MostDetailed(Risk.TradeFlowRows.OncePerFlow(inputs.Trade, out _)).Where(t => t.ReporterIso3 == k && t.Flow == "import" && t.PartnerIso3 is not null && t.Quantity is > 0
                && t.ContainedTonnes is not null && t.Code is { Kind: TradeCodeKind.Specific, Stage: Stage.Refining } && t.MineralId == inputs.MineralId).ToList()
            : [];
        if (imports.Count == 0)
        {
            notes.Add((inputs.Phrases ?? IPhrasebook.Keys).Format("Sim_NoImports", k, (inputs.Phrases ?? IPhrasebook.Keys).Name(lastStage.ToId())));
            return;
        }
        // Prefer the importer's own reports; mirror data only when it reports nothing.
        var own = imports.Where(t => !t.IsMirror).ToList();
        if (own.Count > 0)
        {
            imports = own;
        }
        var year = imports.Max(t => t.Year);
        imports = [.. imports.Where(t => t.Year == year)];
        var byPartner = imports.GroupBy(t => t.PartnerIso3!)
            .Select(g => (Partner: g.Key, Tonnes: g.Sum(t => t.ContainedTonnes!.Value)))
            .ToList();
        var domestic = capacity[column];
        var total = byPartner.Sum(x => x.Tonnes) + domestic;
        for (var i = 0; i < n; i++)
        {
            sourcing[i * n + column] = 0;
        }
        sourcing[column * n + column] = domestic / total;
        var rest = countries.FindIndex(c => c.StartsWith('~'));
        var unmatched = 0.0;
        foreach (var (partner, tonnes) in byPartner)
        {
            if (index.TryGetValue(partner, out var i) && capacity[i] > 0)
            {
                sourcing[i * n + column] += tonnes / total;
            }
            else if (rest >= 0)
            {
                sourcing[rest * n + column] += tonnes / total;
                unmatched += tonnes;
            }
            else
            {
                unmatched += tonnes;
                var world = capacity.Sum();
                for (var j = 0; j < n; j++)
                {
                    sourcing[j * n + column] += tonnes / total * capacity[j] / world;
                }
            }
        }
        consumption[column] = total;
        var codes = string.Join(", ", imports.Select(t => t.HsCode).Distinct().Order(StringComparer.Ordinal));
        var say = inputs.Phrases ?? IPhrasebook.Keys;
        var reports = say.Format(imports[0].IsMirror ? "Sim_ReportsMirror" : "Sim_ReportsOwn");
        var where = rest >= 0 ? say.Format("Sim_CountedWith", countries[rest][1..]) : say.Format("Sim_SpreadByShare");
        notes.Add(say.Format("Sim_Use", k, total, year, codes, reports, domestic, unmatched, where));
    }

    private static List<EndUseSector> Sectors(NetworkInputs inputs, List<string> notes)
    {
        var rows = inputs.Demand.Where(d => d.MineralId == inputs.MineralId && d.Table == "total_demand" && d.Scenario == "Historical").ToList();
        if (rows.Count == 0)
        {
            notes.Add((inputs.Phrases ?? IPhrasebook.Keys).Format("Sim_SectorsNone"));
            return [];
        }
        var year = rows.Max(d => d.Year);
        rows = [.. rows.Where(d => d.Year == year)];
        var total = rows.FirstOrDefault(d => d.Sector == "Total demand")?.ValueT ?? 0;
        if (total <= 0)
        {
            notes.Add((inputs.Phrases ?? IPhrasebook.Keys).Format("Sim_SectorsNoTotal"));
            return [];
        }
        string[] skip = ["Total demand", "Total clean technologies", "Share of clean technologies (fraction)"];
        var battery = BatteryMinerals.Contains(inputs.MineralId) && inputs.Intensities.Any(i => i.MineralId == inputs.MineralId);
        var sectors = rows.Where(d => !skip.Contains(d.Sector) && d.ValueT > 0)
            .Select(d => new EndUseSector(d.Sector, d.ValueT / total, battery && d.Sector is "Electric vehicles" or "Grid battery storage"))
            .ToList();
        var sum = sectors.Sum(s => s.Share);
        if (sum > 1)
        {
            sectors = [.. sectors.Select(s => s with { Share = s.Share / sum })];
        }
        notes.Add((inputs.Phrases ?? IPhrasebook.Keys).Format("Sim_Sectors", year, total));
        return sectors;
    }
}
