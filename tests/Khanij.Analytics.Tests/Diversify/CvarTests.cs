using Khanij.Analytics.Diversify;
using Khanij.Analytics.Simulation;

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
        // what one grid step can explain.
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
                best = Math.Min(best, Cvar.Of(losses, [a / 100.0, b / 100.0, c / 100.0]));
            }
        }
        var lp = result.Mix.OrderBy(m => m.Iso3).Select(m => m.Recommended).ToArray();
        result.After.ShouldBe(Cvar.Of(losses, lp), 1e-12);
        result.After.ShouldBeLessThanOrEqualTo(best + 1e-9);
        result.After.ShouldBeGreaterThan(best - 0.02);
        result.Before.ShouldBe(Cvar.Of(losses, [0.6, 0.3, 0.1]), 1e-12);
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
}
