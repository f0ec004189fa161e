using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Khanij.Analytics.Simulation;
using Khanij.Application.Services;
using Khanij.Data;

namespace Khanij.Benchmarks;

/// <summary>
/// The China rare-earth licensing scenario (scenarios/china-rare-earth-licensing-2025.json, as <c>khanij simulate</c> builds it from the
/// store) streamed into statistics (<see cref="ISimulationEngine.Summarise"/>) by the fast engine on one and two threads, at 10^4 … 10^7
/// runs. Allocated bytes show that memory does not grow with runs; runs/s = Runs / Mean (every pass counted in the time).
/// Needs the store at $KHANIJ_HOME/khanij.duckdb (or ~/.khanij), imported if new.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class SimulationStreamingBenchmarks
{
    private SimulationModel _model = null!;

    [Params(10_000, 100_000, 1_000_000, 10_000_000)]
    public long Runs;

    [Params(1, 2)]
    public int Threads;

    [GlobalSetup]
    public void Setup() => _model = BenchmarkModels.ChinaRareEarthsAsync().GetAwaiter().GetResult();

    [Benchmark]
    public double Fast() => Checksum(new FastEngine(Threads).Summarise(_model, Runs, 42));

    internal static double Checksum(SimulationSummary summary) => summary.Statistics!.Sum(s => s.Mean + s.P95);
}

/// <summary>The same scenario at 100 000 runs: reference engine (baseline, one thread) against the fast engine on one and two threads,
/// both streaming into statistics.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class SimulationFastVsReferenceBenchmarks
{
    private const int Runs = 100_000;
    private SimulationModel _model = null!;

    [GlobalSetup]
    public void Setup() => _model = BenchmarkModels.ChinaRareEarthsAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public double Reference() => SimulationStreamingBenchmarks.Checksum(new ReferenceEngine().Summarise(_model, Runs, 42));

    [Benchmark]
    public double FastOneThread() => SimulationStreamingBenchmarks.Checksum(new FastEngine(1).Summarise(_model, Runs, 42));

    [Benchmark]
    public double FastTwoThreads() => SimulationStreamingBenchmarks.Checksum(new FastEngine(2).Summarise(_model, Runs, 42));
}

internal static partial class BenchmarkModels
{
    /// <summary>The China rare-earth scenario as the simulate service builds it (same networks, events and parameters as the CLI).</summary>
    public static async Task<SimulationModel> ChinaRareEarthsAsync()
    {
        var home = Environment.GetEnvironmentVariable("KHANIJ_HOME");
        if (string.IsNullOrWhiteSpace(home))
        {
            home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".khanij");
        }
        var data = DataDirectory.Locate();
        await using var store = await KhanijStore.OpenAsync(Path.Combine(home, "khanij.duckdb"), data);
        var file = FindUp(Path.Combine("scenarios", "china-rare-earth-licensing-2025.json"));
        var request = new SimulateRequest(await File.ReadAllTextAsync(file), file);
        var prepared = await SimulateService.PrepareAsync(store, CatalogueLoader.Load(data), request, CancellationToken.None);
        return prepared.Value?.Model ?? throw new InvalidOperationException("The scenario did not validate: "
            + string.Join("; ", prepared.Errors.Select(e => e.Message)));
    }

    private static string FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}.");
    }
}
