using Khanij.Analytics.Diversify;
using Khanij.Analytics.Simulation;
using Khanij.Testing;

namespace Khanij.Analytics.Tests.Diversify;

public sealed class CvarTests
{
    /// <summary>A small sampled scenario: three suppliers; A is cut by a uniform 20–100 % with probability 0.3, B by 50 % with probability
    /// 0.1, C never. Draws come from the simulation's sampler, so the matrix depends only on the seed.</summary>
    private static double[,] Losses(ulong seed, int runs)
    {
        ShockEvent[] events =
        [
            new("A", ShockKind.Cut, "AAA", null, ["x"], Khanij.Core.Stage.Refining, Distribution.Uniform(0.2, 1), Distribution.Fixed(12), Distribution.Fixed(0), 0.3),
            new("B", ShockKind.Cut, "BBB", null, ["x"], Khanij.Core.Stage.Refining, Distribution.Fixed(0.5), Distribution.Fixed(12), Distribution.Fixed(0), 0.1),
        ];
        var losses = new double[runs, 3];
        var draws = new SampledShock[2];
        for (var r = 0; r < runs; r++)
        {
            ShockSampler.Sample(events, seed, r, monteCarlo: true, draws);
            losses[r, 0] = draws[0].Occurs ? draws[0].Fraction : 0;
            losses[r, 1] = draws[1].Occurs ? draws[1].Fraction : 0;
        }
        return losses;
    }

    /// <summary>CVaR95 by its definition, written here: the mean of the worst 5 % of the draws' losses Σᵢ Lᵣᵢ sᵢ (the draw counts used
    /// make 5 % a whole number of draws).</summary>
    private static double WorstFivePercentMean(double[,] losses, double[] mix)
    {
        var n = losses.GetLength(0);
        var tail = n / 20;
        (n % 20).ShouldBe(0, "the test's draw count must make 5 % a whole number of draws");
        var l = new double[n];
        for (var r = 0; r < n; r++)
        {
            for (var i = 0; i < mix.Length; i++)
            {
                l[r] += losses[r, i] * mix[i];
            }
        }
        Array.Sort(l);
        return l[^tail..].Average();
    }

    [Fact]
    public void Of_MeanOfTheWorstFivePercent_WhenTheTailIsWhole()
    {
        // Given: 20 draws of one supplier with losses 0.00, 0.05, …, 0.95: the worst 5 % is one draw, 0.95.
        var losses = new double[20, 1];
        for (var r = 0; r < 20; r++)
        {
            losses[r, 0] = r * 0.05;
        }

        // Then
        Cvar.Of(losses, [1.0]).ShouldBe(0.95, 1e-12);
        Cvar.Of(losses, [0.5]).ShouldBe(0.475, 1e-12);
    }

    [Fact]
    public void MinimiseCvar_AgreesWithBruteForceOverAGridOfMixes()
    {
        // Given
        var losses = Losses(seed: 42, runs: 400);
        var suppliers = new[] { new Supplier("AAA", 0.6, 1, null, "", false), new Supplier("BBB", 0.3, 1, null, "", false),
            new Supplier("CCC", 0.1, 1, 0.5, "", false) };
        var constraints = DiversifyConstraints.Default;

        // When
        var result = MixOptimizer.MinimiseCvar(suppliers, losses, constraints);

        // Then: no mix on a 1-point grid that meets the limits (cap 65 %, C ≤ 50 %) beats the LP, and the best grid mix is within
        // what one grid step can explain (moving ≤ 1 point between suppliers changes any draw's loss by ≤ 0.01). CVaR is computed by its
        // definition in this test, not by the code under test.
        var best = double.PositiveInfinity;
        for (var a = 0; a <= 65; a++)
        {
            for (var c = 0; c <= 50; c++)
            {
                var b = 100 - a - c;
                if (b < 0 || b > 65)
                {
                    continue;
                }
                best = Math.Min(best, WorstFivePercentMean(losses, [a / 100.0, b / 100.0, c / 100.0]));
            }
        }
        var lp = result.Mix.OrderBy(m => m.Iso3).Select(m => m.Recommended).ToArray();
        result.After.ShouldBe(WorstFivePercentMean(losses, lp), 1e-9);
        result.After.ShouldBeLessThanOrEqualTo(best + 1e-9);
        result.After.ShouldBeGreaterThan(best - 0.02);
        result.Before.ShouldBe(WorstFivePercentMean(losses, [0.6, 0.3, 0.1]), 1e-9);
        result.After.ShouldBeLessThan(result.Before);
    }

    [Fact]
    public void MinimiseCvar_SameSeed_SameMix_OtherSeed_OtherDraws()
    {
        // Given
        var suppliers = new[] { new Supplier("AAA", 0.6, 1, null, "", false), new Supplier("BBB", 0.4, 1, null, "", false),
            new Supplier("CCC", 0, 1, 0.3, "", false) };

        // When
        var first = MixOptimizer.MinimiseCvar(suppliers, Losses(7, 300), DiversifyConstraints.Default);
        var second = MixOptimizer.MinimiseCvar(suppliers, Losses(7, 300), DiversifyConstraints.Default);
        var other = Losses(8, 300);

        // Then
        second.Mix.Select(m => m.Recommended).ShouldBe(first.Mix.Select(m => m.Recommended));
        second.After.ShouldBe(first.After);
        Losses(7, 300).Cast<double>().SequenceEqual(other.Cast<double>()).ShouldBeFalse();
    }

    [Fact]
    public void MinimiseCvar_EquallyGoodSuppliers_KeepsTodaysMixAmongThem()
    {
        // Given: A and B lose the same in every draw, C loses twice as much. Today: 30 % A, 50 % B, 20 % C. Any mix without C is optimal;
        // the one nearest today's moves C's 20 % and leaves A and B alone as far as possible (total change 40 points either way).
        var losses = new double[40, 3];
        for (var r = 0; r < 40; r++)
        {
            losses[r, 0] = losses[r, 1] = r % 4 == 0 ? 0.3 : 0;
            losses[r, 2] = 2 * losses[r, 0];
        }
        var suppliers = new[] { new Supplier("AAA", 0.3, 1, null, "", false), new Supplier("BBB", 0.5, 1, null, "", false),
            new Supplier("CCC", 0.2, 1, null, "", false) };

        // When
        var result = MixOptimizer.MinimiseCvar(suppliers, losses, DiversifyConstraints.Default, phrases: ResxPhrasebook.English);

        // Then: CVaR95 of any C-free mix = 0.3 (the worst 2 of 40 draws lose 0.3); A and B only gain.
        var mix = result.Mix.ToDictionary(m => m.Iso3, m => m.Recommended);
        // (To the solver's tolerance: the tie-break keeps the optimum within a relative 1e-9.)
        mix["CCC"].ShouldBe(0, 1e-6);
        mix["AAA"].ShouldBeGreaterThanOrEqualTo(0.3 - 1e-6);
        mix["BBB"].ShouldBeGreaterThanOrEqualTo(0.5 - 1e-6);
        result.After.ShouldBe(0.3, 1e-6);
        result.Before.ShouldBe(0.3 * 0.8 + 0.6 * 0.2, 1e-9);
        result.Mix.Single(m => m.Iso3 == "CCC").Alone!.Value.ShouldBe(0.6, 1e-12);
        result.Notes.ShouldContain(n => n.Contains("least change from today's"));
    }
}
