using BenchmarkDotNet.Attributes;
using Khanij.Analytics.Diversify;

namespace Khanij.Benchmarks;

/// <summary>The diversification LP (GLOP): the risk objective over n candidate suppliers (100 linear pieces each) and the CVaR objective
/// over n suppliers and a draws × n loss matrix. Inputs are random with a fixed seed.</summary>
[MemoryDiagnoser]
public class DiversifyBenchmarks
{
    private Supplier[] _suppliers = [];
    private double[,] _losses = new double[0, 0];

    [Params(10, 80)]
    public int Suppliers;

    [Params(1000)]
    public int Draws;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        _suppliers = [.. Enumerable.Range(0, Suppliers).Select(i => new Supplier($"S{i:00}", 1.0 / Suppliers, 1 + rng.NextDouble() * 9,
            rng.NextDouble() < 0.3 ? rng.NextDouble() * 0.5 : null, "bench", rng.NextDouble() < 0.4))];
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
    public double Risk() => MixOptimizer.MinimiseRisk(_suppliers, DiversifyConstraints.Default).After;

    [Benchmark]
    public double CvarLp() => MixOptimizer.MinimiseCvar(_suppliers, _losses, DiversifyConstraints.Default).After;
}
