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
    public void Summarise_GeneratedModels_DefaultKeep_ReplayedBins_MatchesSortingTheStoredRuns() =>
        EngineAgreementTests.GenModel.Select(Gen.Int[StreamingStatistics.ReplayKeep + 1, 3 * StreamingStatistics.ReplayKeep], Gen.ULong)
            .Sample((model, runs, seed) =>
            {
                // Given a generated model and more runs than a replayed bin keeps, fewer than one pass keeps
                // When its runs are stored and, separately, streamed (one pass; the quantiles narrowed over the kept values, not sorted)
                var stored = new FastEngine(1).Run(model, runs, seed, cancellationToken: TestContext.Current.CancellationToken);
                var summary = new FastEngine(2).Summarise(model, runs, seed, StreamingStatistics.DefaultCollectCap);

                // Then at most one pass was made (none when the events touch nothing, so every output is known to be 0), and every
                // statistic and histogram is what sorting the stored runs gives
                summary.Passes.ShouldBeLessThanOrEqualTo(1);
                ShouldMatchStoredRuns(summary, stored, $"{runs} runs");
            }, iter: 25);

    [Fact]
    public void Summarise_GeneratedModels_DerivedOutputs_EqualFoldingThemOnTheirOwn() =>
        EngineAgreementTests.GenModel.Select(Gen.Int[2, 3000], Gen.ULong, Gen.Int[1, 40]).Sample((model, runs, seed, keep) =>
        {
            // Given a generated model (sector and battery outputs are fixed multiples of the last stage's tonnes, fractions quotients)
            // When it is summarised with those outputs derived from their base output's statistics, and with every output folded
            var derived = new FastEngine(1).Summarise(model, runs, seed, keep);
            var folded = new FastEngine(1).Summarise(model, runs, seed, keep, derive: false);

            // Then mean, median, P95, min, max and histograms have the same bits; CVaR95 (a sum over the same runs grouped
            // differently) agrees to 1e-12
            for (var m = 0; m < model.Metrics.Count; m++)
            {
                var (a, b) = (derived.Statistics![m], folded.Statistics![m]);
                var where = $"{model.Metrics[m].Name}, {runs} runs, keep {keep}";
                double[] bitsA = [a.Mean, a.Median, a.P95, a.Min, a.Max];
                double[] bitsB = [b.Mean, b.Median, b.P95, b.Min, b.Max];
                bitsA.Select(BitConverter.DoubleToInt64Bits).ShouldBe(bitsB.Select(BitConverter.DoubleToInt64Bits), where);
                a.CVaR95.ShouldBe(b.CVaR95, 1e-12 * Math.Max(1, Math.Abs(b.CVaR95)), where);
                derived.Histograms![m].ShouldBe(folded.Histograms![m] with { Counts = derived.Histograms[m].Counts }, where);
                derived.Histograms[m].Counts.ShouldBe(folded.Histograms[m].Counts, where);
            }
        }, iter: 150);

    [Fact]
    public void Rules_TwoStageModel_DeriveSectorsAndFractionsAndZeroTheUnshockedStage()
    {
        // Given a two-stage network with a sector of share 0.6, seen from CCC, and one cut at refining (mining is untouched)
        var network = Networks.TwoStage("x", ["AAA", "BBB", "CCC"], [50, 30, 20], [0.6, 0.3, 0.1, 0.3, 0.6, 0.1, 0.1, 0.1, 0.8],
            [40, 40, 20], [10, 20, 30], [new EndUseSector("magnets", 0.6, false)]);
        var cut = new ShockEvent("cut", ShockKind.Cut, "AAA", null, ["x"], Stage.Refining, Distribution.Uniform(0.2, 0.8),
            Distribution.Fixed(12), Distribution.Fixed(0), 1);
        var model = new SimulationModel([network], [cut], Networks.Parameters(0, "CCC"));

        // When the fast engine states its rules
        var rules = FastEngine.Rules(model);

        // Then mining's four outputs are zero, refining's world fraction is its tonnes ÷ (100 t × 12/12), CCC's fraction its tonnes ÷ its
        // use (30 t), the sector outputs 0.6 × the refining tonnes, and the tonnes and the stockpile are folded
        int M(string scope, string stage, string measure) => Networks.Metric(model, "x", scope, stage, measure);
        foreach (var scope in new[] { "world", "CCC" })
        {
            rules[M(scope, "mining", "shortfall_fraction")].Kind.ShouldBe(OutputRuleKind.Zero);
            rules[M(scope, "mining", "shortfall_t")].Kind.ShouldBe(OutputRuleKind.Zero);
            rules[M(scope, "refining", "shortfall_t")].Kind.ShouldBe(OutputRuleKind.Fold);
            rules[M(scope, "magnets", "shortfall_t")].ShouldBe(new OutputRule(OutputRuleKind.Scale, M(scope, "refining", "shortfall_t"), 0.6));
        }
        rules[M("world", "refining", "shortfall_fraction")].ShouldBe(new OutputRule(OutputRuleKind.Divide, M("world", "refining", "shortfall_t"), 100.0));
        rules[M("CCC", "refining", "shortfall_fraction")].ShouldBe(new OutputRule(OutputRuleKind.Divide, M("CCC", "refining", "shortfall_t"), 30.0));
        rules[M("CCC", "refining", "stockpile_drawn_t")].Kind.ShouldBe(OutputRuleKind.Fold);

        // And the stored runs bear them out: every mining output is 0 and every sector output is 0.6 × the tonnes, in every run
        var stored = new FastEngine(1).Run(model, 500, 9, cancellationToken: TestContext.Current.CancellationToken);
        for (var r = 0; r < 500; r++)
        {
            stored[r, M("world", "mining", "shortfall_t")].ShouldBe(0);
            stored[r, M("world", "magnets", "shortfall_t")].ShouldBe(stored[r, M("world", "refining", "shortfall_t")] * 0.6);
        }
    }

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
