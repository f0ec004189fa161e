using Khanij.Analytics.Simulation;
using Khanij.Core;

namespace Khanij.Analytics.Tests.Simulation;

public sealed class DeterminismTests
{
    private static SimulationModel UncertainModel()
    {
        var network = Networks.MiningOnly("x", ["AAA", "BBB", "CCC"], [600, 300, 100], [10, 20, 30]);
        var shock = new ShockEvent("e", ShockKind.Cut, "AAA", null, ["x"], Stage.Mining, Distribution.Triangular(0.2, 0.5, 0.9),
            Distribution.Uniform(3, 12), Distribution.Fixed(0), 0.6);
        return new SimulationModel([network], [shock], Networks.Parameters(0.05, "CCC"));
    }

    [Fact]
    public void Run_SameSeedDifferentThreadCounts_GivesIdenticalNumbers()
    {
        // Given a model with uncertain shocks
        var model = UncertainModel();

        // When the fast engine runs 5000 draws on one thread and on several
        var one = new FastEngine(1).Run(model, 5000, 42, cancellationToken: TestContext.Current.CancellationToken);
        var many = new FastEngine(4).Run(model, 5000, 42, cancellationToken: TestContext.Current.CancellationToken);

        // Then every number is bit-for-bit the same
        for (var m = 0; m < model.Metrics.Count; m++)
        {
            one.Column(m).ShouldBe(many.Column(m));
        }
    }

    [Fact]
    public void Run_DifferentSeeds_GiveDifferentDraws()
    {
        // Given a model with uncertain shocks
        var model = UncertainModel();

        // When run with two seeds
        var a = new FastEngine(1).Run(model, 200, 1, cancellationToken: TestContext.Current.CancellationToken);
        var b = new FastEngine(1).Run(model, 200, 2, cancellationToken: TestContext.Current.CancellationToken);

        // Then the outcomes differ
        a.Column(0).ShouldNotBe(b.Column(0));
    }

    [Fact]
    public void Run_ProbabilityOfOccurrence_MatchesTheShareOfRunsHit()
    {
        // Given a shock with probability 0.6
        var model = UncertainModel();

        // When 20 000 runs are drawn
        var runs = new FastEngine().Run(model, 20_000, 9, cancellationToken: TestContext.Current.CancellationToken);

        // Then about 60 % of runs have a shortfall (binomial sd ≈ 0.35 %)
        var hit = runs.Column(0).Count(v => v > 0) / 20_000.0;
        hit.ShouldBe(0.6, 0.015);
    }

    [Fact]
    public void Summarise_KnownValues_GivesMeanMedianP95AndCVaR()
    {
        // Given 1..100
        var values = Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToArray();

        // When
        var stats = SummaryStatistics.Of(values);

        // Then type-7 quantiles, and CVaR95 = mean of the top 5 = 98
        stats.Mean.ShouldBe(50.5);
        stats.Median.ShouldBe(50.5);
        stats.P95.ShouldBe(95.05, 1e-9);
        stats.CVaR95.ShouldBe(98);
        stats.Max.ShouldBe(100);
    }

    [Fact]
    public void Sample_SingleRun_UsesCentralValuesAndAlwaysOccurs()
    {
        // Given an unlikely shock with a triangular fraction
        var shock = new ShockEvent("e", ShockKind.Cut, "AAA", null, ["x"], Stage.Mining, Distribution.Triangular(0.2, 0.5, 0.9),
            Distribution.Uniform(4, 8), Distribution.Fixed(1), 0.01);
        var draws = new SampledShock[1];

        // When sampled for a deterministic run
        ShockSampler.Sample([shock], 1, 0, monteCarlo: false, draws);

        // Then mode and midpoint are used and it happens
        draws[0].ShouldBe(new SampledShock(true, 0.5, 1, 6));
    }
}
