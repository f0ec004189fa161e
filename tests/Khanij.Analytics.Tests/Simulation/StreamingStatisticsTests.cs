using CsCheck;
using Khanij.Analytics.Simulation;
using Khanij.Core;

namespace Khanij.Analytics.Tests.Simulation;

/// <summary>
/// The streamed statistics (<see cref="ISimulationEngine.Summarise"/>) against the stored runs (<see cref="ISimulationEngine.Run"/>)
/// summarised here by sorting each output's column: the quantiles, min and max must be the same numbers, the mean and CVaR95 the same up to
/// the order of the additions, the histograms the same counts.
/// </summary>
public sealed class StreamingStatisticsTests
{
    /// <summary>The statistics of one column computed from scratch: sort, type-7 quantiles, mean of the top ⌈5 % n⌉, 24 equal bins.</summary>
    private sealed record Expected(double Mean, double Median, double P95, double CVaR95, double Min, double Max, long[] Bins)
    {
        public static Expected Of(double[] column)
        {
            var sorted = column.Select(v => v == 0 ? 0.0 : v).ToArray();
            Array.Sort(sorted);
            var n = sorted.Length;
            double Quantile(double q)
            {
                var h = (n - 1) * q;
                var lo = (int)Math.Floor(h);
                var hi = Math.Min(lo + 1, n - 1);
                return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
            }
            var k = (int)Math.Ceiling(0.05 * n);
            var (min, max) = (sorted[0], sorted[^1]);
            long[] bins;
            if (min == max)
            {
                bins = [n];
            }
            else
            {
                bins = new long[24];
                var width = (max - min) / 24;
                foreach (var v in sorted)
                {
                    bins[Math.Min(23, (int)((v - min) / width))]++;
                }
            }
            return new Expected(sorted.Sum() / n, Quantile(0.5), Quantile(0.95), sorted[^k..].Sum() / k, min, max, bins);
        }
    }

    private static void ShouldMatchStoredRuns(SimulationSummary summary, SimulationRuns stored, string context)
    {
        summary.RunCount.ShouldBe(stored.RunCount);
        for (var m = 0; m < stored.Metrics.Count; m++)
        {
            var e = Expected.Of(stored.Column(m));
            var s = summary.Statistics![m];
            var h = summary.Histograms![m];
            var where = $"{context}, {stored.Metrics[m].Name}";
            s.Count.ShouldBe(stored.RunCount, where);
            s.Median.ShouldBe(e.Median, where);
            s.P95.ShouldBe(e.P95, where);
            s.Min.ShouldBe(e.Min, where);
            s.Max.ShouldBe(e.Max, where);
            s.Mean.ShouldBe(e.Mean, 1e-12 * Math.Max(1, Math.Abs(e.Mean)), where);
            s.CVaR95.ShouldBe(e.CVaR95, 1e-12 * Math.Max(1, Math.Abs(e.CVaR95)), where);
            h.Counts.ShouldBe(e.Bins, where);
            h.Min.ShouldBe(e.Min, where);
            h.Max.ShouldBe(e.Max, where);
        }
    }

    private static SimulationModel UncertainModel()
    {
        var network = Networks.MiningOnly("x", ["AAA", "BBB", "CCC"], [600, 300, 100], [10, 20, 30]);
        var cut = new ShockEvent("cut", ShockKind.Cut, "AAA", null, ["x"], Stage.Mining, Distribution.Triangular(0.2, 0.5, 0.9),
            Distribution.Uniform(3, 12), Distribution.Uniform(0, 4), 0.6);
        var outage = new ShockEvent("outage", ShockKind.Outage, "BBB", null, ["x"], Stage.Mining, Distribution.Fixed(1),
            Distribution.Triangular(1, 2, 6), Distribution.Fixed(0), 0.2);
        return new SimulationModel([network], [cut, outage], Networks.Parameters(0.05, "CCC"));
    }

    [Fact]
    public void Summarise_GeneratedModels_SmallKeep_MatchesSortingTheStoredRuns() =>
        EngineAgreementTests.GenModel.Select(Gen.Int[2, 3000], Gen.ULong, Gen.Int[1, 40]).Sample((model, runs, seed, keep) =>
        {
            // Given a generated model, and a keep per bin so small that most quantiles need the later passes
            // When its runs are stored and, separately, streamed into statistics
            var stored = new FastEngine(1).Run(model, runs, seed, cancellationToken: TestContext.Current.CancellationToken);
            var summary = new FastEngine(1).Summarise(model, runs, seed, keep);

            // Then every statistic and histogram is what sorting the stored runs gives
            ShouldMatchStoredRuns(summary, stored, $"{runs} runs, keep {keep}, {summary.Passes} passes");
        }, iter: 150);

    [Fact]
    public void Summarise_ContinuousOutputs_ManyPasses_MatchesSortingTheStoredRuns()
    {
        // Given a model whose outputs spread over many values and ties (no shock in 32 % of runs gives exact zeros)
        var model = UncertainModel();

        // When 50 000 runs are streamed with a keep of 8 values per bin
        var stored = new FastEngine(1).Run(model, 50_000, 11, cancellationToken: TestContext.Current.CancellationToken);
        var summary = new FastEngine(1).Summarise(model, 50_000, 11, collectCap: 8);

        // Then the selection had to narrow more than once, and still gives the sorted figures
        summary.Passes.ShouldBeGreaterThan(2);
        ShouldMatchStoredRuns(summary, stored, "50 000 runs");
    }

    [Fact]
    public void Summarise_DefaultKeep_MoreRunsThanOneBinKeeps_MatchesSortingTheStoredRuns()
    {
        // Given the model and more runs than one pass can keep (131 072)
        var model = UncertainModel();

        // When 300 000 runs are streamed with the default settings on all cores
        var stored = new FastEngine(1).Run(model, 300_000, 5, cancellationToken: TestContext.Current.CancellationToken);
        var summary = new FastEngine().Summarise(model, 300_000, 5, cancellationToken: TestContext.Current.CancellationToken);

        // Then it took a second pass and matches sorting the stored runs
        summary.Passes.ShouldBeGreaterThanOrEqualTo(2);
        ShouldMatchStoredRuns(summary, stored, "300 000 runs");
    }

    [Fact]
    public void Summarise_SameSeedDifferentThreadCounts_GivesBitIdenticalFigures()
    {
        // Given a model with uncertain shocks
        var model = UncertainModel();

        // When summarised on one thread and on three, with the default keep and with a small one
        foreach (var keep in new[] { 131_072, 16 })
        {
            var one = new FastEngine(1).Summarise(model, 70_001, 42, keep);
            var three = new FastEngine(3).Summarise(model, 70_001, 42, keep);

            // Then every figure has the same bits
            for (var m = 0; m < model.Metrics.Count; m++)
            {
                var (a, b) = (one.Statistics![m], three.Statistics![m]);
                double[] bitsA = [a.Mean, a.Median, a.P95, a.CVaR95, a.Min, a.Max];
                double[] bitsB = [b.Mean, b.Median, b.P95, b.CVaR95, b.Min, b.Max];
                bitsA.Select(BitConverter.DoubleToInt64Bits).ShouldBe(bitsB.Select(BitConverter.DoubleToInt64Bits), $"keep {keep}");
                one.Histograms![m].Counts.ShouldBe(three.Histograms![m].Counts);
            }
        }
    }

    [Fact]
    public void Summarise_GeneratedModels_FastAgreesWithReference() =>
        EngineAgreementTests.GenModel.Select(Gen.Int[2, 300], Gen.ULong).Sample((model, runs, seed) =>
        {
            // Given a generated model
            // When both engines stream it
            var reference = new ReferenceEngine().Summarise(model, runs, seed, collectCap: 10);
            var fast = new FastEngine(2).Summarise(model, runs, seed, collectCap: 10);

            // Then the statistics agree to 1e-9 (relative to the larger of 1 and the value)
            for (var m = 0; m < model.Metrics.Count; m++)
            {
                var (a, b) = (reference.Statistics![m], fast.Statistics![m]);
                foreach (var (x, y) in new[] { (a.Mean, b.Mean), (a.Median, b.Median), (a.P95, b.P95), (a.CVaR95, b.CVaR95), (a.Max, b.Max) })
                {
                    Assert.True(Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Abs(x)), $"{model.Metrics[m].Name}: reference {x:R}, fast {y:R}");
                }
            }
        }, iter: 100);

    [Fact]
    public void Summarise_OneRun_KeepsTheCentralRunAndNoStatistics()
    {
        // Given the model
        var model = UncertainModel();

        // When one run is streamed and one is stored
        var summary = new FastEngine().Summarise(model, 1, 3, cancellationToken: TestContext.Current.CancellationToken);
        var stored = new FastEngine().Run(model, 1, 3, cancellationToken: TestContext.Current.CancellationToken);

        // Then the single run's outputs are kept as they are, without statistics
        summary.SingleRun.ShouldBe(stored.Row(0).ToArray());
        summary.Statistics.ShouldBeNull();
        summary.Histograms.ShouldBeNull();
    }

    [Fact]
    public void Summarise_Cancelled_Throws()
    {
        // Given a token that is already cancelled
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        // When a summary starts, Then it stops with OperationCanceledException
        Should.Throw<OperationCanceledException>(() => new FastEngine(2).Summarise(UncertainModel(), 100_000, 1, cancellationToken: cancelled.Token));
    }
}
