using BenchmarkDotNet.Attributes;
using Khanij.Analytics.Diversify;

namespace Khanij.Benchmarks;

/// <summary>The diversification LP (GLOP): the risk objective over n candidate suppliers (100 linear pieces each) and the CVaR objective
/// over n suppliers and a draws × n loss matrix (one LP row per draw). Each LP solve includes the second solve that picks, among optimal
/// mixes, the one nearest today's. Baseline: evaluating CVaR95 of today's mix once (sort the draws' losses), the floor of any method that
/// looks at every draw. Inputs are random with a fixed seed.</summary>
[MemoryDiagnoser]
public class DiversifyBenchmarks
{
    private Supplier[] _suppliers = [];
    private double[,] _losses = new double[0, 0];

    [Params(10, 60)]
    public int Suppliers;

    [Params(2000)]
    public int Draws;

    private double[] _today = [];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        _suppliers = [.. Enumerable.Range(0, Suppliers).Select(i => new Supplier($"S{i:00}", 1.0 / Suppliers, 1 + rng.NextDouble() * 9,
            rng.NextDouble() < 0.3 ? rng.NextDouble() * 0.5 : null, "bench", rng.NextDouble() < 0.4))];
        _today = [.. _suppliers.Select(s => s.Today)];
        _losses = new double[Draws, Suppliers];
        for (var r = 0; r < Draws; r++)
        {
            for (var i = 0; i < Suppliers; i++)
            {
                _losses[r, i] = rng.NextDouble() < 0.1 ? rng.NextDouble() : 0;
            }
        }
    }

    [Benchmark(Baseline = true)]
    public double CvarOfTodaysMix() => Cvar.Of(_losses, _today);

    [Benchmark]
    public double RiskLp() => MixOptimizer.MinimiseRisk(_suppliers, DiversifyConstraints.Default).After;

    [Benchmark]
    public double CvarLp() => MixOptimizer.MinimiseCvar(_suppliers, _losses, DiversifyConstraints.Default).After;
}
