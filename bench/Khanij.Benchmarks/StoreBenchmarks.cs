using BenchmarkDotNet.Attributes;
using Khanij.Core;
using Khanij.Core.Facts;
using Khanij.Data;

namespace Khanij.Benchmarks;

/// <summary>How fast the store answers the questions the risk and simulation code asks, against a plain in-memory filter of
/// all rows (the baseline a caller would write if it loaded everything once).</summary>
[MemoryDiagnoser]
public class StoreBenchmarks
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "khanij-bench-store");
    private KhanijStore _store = null!;
    private IReadOnlyList<SupplyFact> _allSupply = [];
    private IReadOnlyList<TradeFlow> _allTrade = [];

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(_dir);
        _store = KhanijStore.OpenAsync(Path.Combine(_dir, "bench.duckdb"), DataDirectory.Locate()).GetAwaiter().GetResult();
        _allSupply = _store.GetSupplyAsync().GetAwaiter().GetResult();
        _allTrade = _store.GetTradeFlowsAsync().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public int SupplyInMemoryFilter() =>
        _allSupply.Count(f => f.MineralId == "cobalt" && f.Stage == Stage.Mining && f.Year == 2024 && f.Source == "usgs");

    [Benchmark]
    public int SupplyFromStore() => _store.GetSupplyAsync("cobalt", Stage.Mining, 2024, "usgs").GetAwaiter().GetResult().Count;

    [Benchmark]
    public int TradeInMemoryFilter() => _allTrade.Count(f => f.ReporterIso3 == "IND" && f.MineralId == "lithium");

    [Benchmark]
    public int TradeFromStore() => _store.GetTradeFlowsAsync("IND", "lithium").GetAwaiter().GetResult().Count;
}
