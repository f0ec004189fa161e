using BenchmarkDotNet.Attributes;
using Khanij.Analytics.Risk;
using Khanij.Core;
using Khanij.Core.Facts;

namespace Khanij.Benchmarks;

/// <summary>Risk kernels at brief scale and larger: concentration of every table, and the per-stage score with governance and trade.
/// The baseline is a plain LINQ HHI per table (the shape of the hand computation the tests use as an oracle).</summary>
[MemoryDiagnoser]
public class RiskBenchmarks
{
    [Params(20, 500)]
    public int Tables;

    private SupplyFact[] _facts = [];
    private GovernanceIndex _governance = null!;
    private TradeFlow[] _trade = [];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        var countries = Enumerable.Range(0, 40).Select(i => "C" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var prov = new Provenance("bench.csv", 1, "bench", "t", "", "");
        var facts = new List<SupplyFact>();
        for (var t = 0; t < Tables; t++)
        {
            foreach (var c in countries.Take(5 + rng.Next(30)))
            {
                facts.Add(new SupplyFact("bench", "m" + t, Stage.Mining, c, null, 2024, null, "mine production", rng.NextDouble() * 1e5, "t", "", false, prov));
            }
            facts.Add(new SupplyFact("bench", "m" + t, Stage.Mining, null, "other", 2024, null, "mine production", rng.NextDouble() * 1e4, "t", "", false, prov));
        }
        _facts = [.. facts];
        _governance = GovernanceIndex.Build(
            countries.SelectMany(c => new[] { "CC", "GE", "PV", "RL", "RQ", "VA" }
                .Select(d => new GovernanceScore(c, d, 2022, rng.NextDouble() * 5 - 2.5, null, prov))),
            RiskParameters.Default.GovernanceIndicators, null);
        _trade = [.. Enumerable.Range(0, Tables).SelectMany(t => countries.Take(10).Select(c =>
            new TradeFlow("810520", "m" + t, "IND", c, null, "import", false, 2021, rng.NextDouble() * 1e3, "t", prov)))];
    }

    [Benchmark(Baseline = true)]
    public double NaiveHhi() =>
        _facts.GroupBy(f => f.MineralId).Sum(g =>
        {
            var total = g.Sum(f => f.Value ?? 0);
            return g.Where(f => f.IsCountry).Sum(f => Math.Pow(100 * (f.Value ?? 0) / total, 2));
        });

    [Benchmark]
    public double ComputeAll() => SupplyConcentration.ComputeAll(_facts).Sum(r => r.Hhi ?? 0);

    [Benchmark]
    public double ScoreEveryStage()
    {
        var sum = 0.0;
        foreach (var table in SupplyConcentration.ComputeAll(_facts))
        {
            sum += SupplyRisk.ForStage(table, _governance, [], _trade, [], "IND", RiskParameters.Default).Score;
        }
        return sum;
    }
}
