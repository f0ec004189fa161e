using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Khanij.Analytics.Simulation;
using Khanij.Core;
using Khanij.Data;

namespace Khanij.Benchmarks;

/// <summary>
/// Monte Carlo over every mineral with supply data in the store (one uncertain cut of its largest first-stage producer and one
/// uncertain destination ban each), at several run counts: reference engine (baseline) against the fast engine on one thread and on
/// all cores. Needs the store: it uses $KHANIJ_HOME/khanij.duckdb (or ~/.khanij), importing the bundled pack if it is new.
/// Short job (one launch, two warm-ups, three measured iterations) because the machine is shared and a reference iteration at
/// 100 000 runs takes tens of seconds.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 3)]
public class SimulationBenchmarks
{
    private SimulationModel _model = null!;

    [Params(1_000, 10_000, 100_000)]
    public int Runs;

    [GlobalSetup]
    public void Setup() => _model = BenchmarkModels.AllMineralsAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public double Reference() => Checksum(new ReferenceEngine().Run(_model, Runs, 42));

    [Benchmark]
    public double FastOneThread() => Checksum(new FastEngine(1).Run(_model, Runs, 42));

    [Benchmark]
    public double FastAllCores() => Checksum(new FastEngine().Run(_model, Runs, 42));

    internal static double Checksum(SimulationRuns runs)
    {
        var sum = 0.0;
        for (var r = 0; r < runs.RunCount; r += 97)
        {
            sum += runs.Row(r)[0];
        }
        return sum;
    }
}

/// <summary>
/// How time grows with the number of countries: a synthetic two-stage network (fixed seed) with 10, 40 or 160 countries, three
/// uncertain shocks, 2 000 runs; reference (baseline) against the fast engine on one thread.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 3)]
public class SimulationCountryScalingBenchmarks
{
    private SimulationModel _model = null!;

    [Params(10, 40, 160)]
    public int Countries;

    [GlobalSetup]
    public void Setup() => _model = BenchmarkModels.Synthetic(Countries);

    [Benchmark(Baseline = true)]
    public double Reference() => SimulationBenchmarks.Checksum(new ReferenceEngine().Run(_model, 2_000, 42));

    [Benchmark]
    public double FastOneThread() => SimulationBenchmarks.Checksum(new FastEngine(1).Run(_model, 2_000, 42));
}

internal static partial class BenchmarkModels
{
    public static async Task<SimulationModel> AllMineralsAsync()
    {
        var home = Environment.GetEnvironmentVariable("KHANIJ_HOME");
        if (string.IsNullOrWhiteSpace(home))
        {
            home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".khanij");
        }
        await using var store = await KhanijStore.OpenAsync(Path.Combine(home, "khanij.duckdb"), DataDirectory.Locate());
        var supply = await store.GetSupplyAsync();
        var intensities = await store.GetBatteryIntensitiesAsync();
        var networks = new List<SupplyNetwork>();
        var events = new List<ShockEvent>();
        foreach (var mineral in supply.Select(f => f.MineralId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var inputs = new NetworkInputs(mineral, [.. supply.Where(f => f.MineralId == mineral)], await store.GetSankeyFlowsAsync(mineral),
                await store.GetTradeFlowsAsync("IND", mineral), await store.GetDemandAsync(mineral, "Historical"),
                [.. intensities.Where(i => i.MineralId == mineral)], NetworkBuilder.DefaultBatteryMix, "IND", []);
            if (NetworkBuilder.Build(inputs, out _) is not { } network)
            {
                continue;
            }
            networks.Add(network);
            var layer = network.Layers[0];
            var ranked = Enumerable.Range(0, network.CountryCount).Where(i => !network.Countries[i].StartsWith('~'))
                .OrderByDescending(i => layer.Capacity[i]).ToList();
            events.Add(new ShockEvent(mineral + " cut", ShockKind.Cut, network.Countries[ranked[0]], null, [mineral], layer.Stage,
                Distribution.Triangular(0.2, 0.5, 1), Distribution.Uniform(3, 12), Distribution.Uniform(0, 6), 0.7));
            if (ranked.Count > 1)
            {
                events.Add(new ShockEvent(mineral + " ban", ShockKind.DestinationBan, network.Countries[ranked[1]], "IND", [mineral],
                    network.Layers[^1].Stage, Distribution.Uniform(0.5, 1), Distribution.Uniform(1, 12), Distribution.Fixed(0), 0.3));
            }
        }
        var parameters = SimulationParameters.Default with { Perspective = "IND", StockpileMonths = 1 };
        return new SimulationModel(networks, events, parameters);
    }

    public static SimulationModel Synthetic(int n)
    {
        var rng = new Random(7);
        var countries = Enumerable.Range(0, n).Select(i => $"C{i:000}").ToArray();
        double[] Capacities() => [.. countries.Select(_ => rng.NextDouble() < 0.3 ? 0 : rng.NextDouble() * 1000)];
        var mining = Capacities();
        var refining = Capacities();
        var feed = new double[n * n];
        for (var k = 0; k < n; k++)
        {
            var weights = countries.Select((_, i) => mining[i] * rng.NextDouble()).ToArray();
            var total = weights.Sum();
            for (var i = 0; i < n; i++)
            {
                feed[i * n + k] = total > 0 ? 0.9 * weights[i] / total : 0;
            }
        }
        var consumption = countries.Select(_ => rng.NextDouble() * 100).ToArray();
        var network = new SupplyNetwork("m", countries,
            [new StageLayer(Stage.Mining, mining, feed), new StageLayer(Stage.Refining, refining, StageLayer.ProportionalSourcing(refining))],
            consumption, [new EndUseSector("batteries", 0.4, true), new EndUseSector("other", 0.6, false)],
            [new BatteryChemistryShare("LFP", 0.5, 0.09), new BatteryChemistryShare("NMC 811", 0.5, 0.1)], []);
        var big = Enumerable.Range(0, n).OrderByDescending(i => mining[i]).ToList();
        var bigRefiner = Enumerable.Range(0, n).OrderByDescending(i => refining[i]).First();
        ShockEvent[] events =
        [
            new("mine cut", ShockKind.Cut, countries[big[0]], null, ["m"], Stage.Mining, Distribution.Triangular(0.2, 0.5, 1),
                Distribution.Uniform(3, 12), Distribution.Uniform(0, 6), 0.7),
            new("second mine cut", ShockKind.Cut, countries[big[1]], null, ["m"], Stage.Mining, Distribution.Uniform(0, 0.5),
                Distribution.Uniform(1, 6), Distribution.Uniform(0, 9), 0.5),
            new("refinery ban", ShockKind.DestinationBan, countries[bigRefiner], countries[0], ["m"], Stage.Refining, Distribution.Fixed(1),
                Distribution.Uniform(1, 12), Distribution.Fixed(0), 0.3),
        ];
        return new SimulationModel([network], events, SimulationParameters.Default with { Perspective = countries[0], PartnerPriority = true });
    }
}
