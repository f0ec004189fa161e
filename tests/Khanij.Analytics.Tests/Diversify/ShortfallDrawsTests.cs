using Khanij.Analytics.Diversify;
using Khanij.Analytics.Simulation;
using Khanij.Analytics.Tests.Simulation;
using Khanij.Core;
using Khanij.Testing;

namespace Khanij.Analytics.Tests.Diversify;

public sealed class ShortfallDrawsTests
{
    // COD mines 600 t, AUS 400 t. China's refinery takes all its ore from COD; the "rest of world" refinery half from each.
    private static readonly string[] Countries = ["COD", "AUS", "CHN", "~Rest of world", "IND"];

    private static SupplyNetwork Network()
    {
        var n = Countries.Length;
        var feed = new double[n * n];
        feed[0 * n + 2] = 1;      // COD → CHN
        feed[0 * n + 3] = 0.5;    // COD → rest of world
        feed[1 * n + 3] = 0.5;    // AUS → rest of world
        double[] refining = [0, 0, 500, 500, 0];
        return new SupplyNetwork("cobalt", Countries,
            [new StageLayer(Stage.Mining, [600, 400, 0, 0, 0], feed), new StageLayer(Stage.Refining, refining, StageLayer.ProportionalSourcing(refining))],
            new double[n], [], [], []);
    }

    [Fact]
    public void Build_MiningCut_ReachesEachRefinerThroughItsFeed_AndOutsidersCountWithRestOfWorld()
    {
        // Given: COD's mines lose half their output all year; no spare capacity in this matrix.
        ShockEvent[] cut = [Networks.Cut("COD", "cobalt", Stage.Mining, 0.5, 12)];

        // When
        var losses = ShortfallDraws.Build(Network(), Stage.Refining, "IND", ["CHN", "BEL", "AUS"], cut, 12, runs: 3, seed: 1, null, out var notes, ResxPhrasebook.English);

        // Then: China's refinery loses 1 × 0.5 = 0.5 of its feed; the rest-of-world refinery 0.5 × 0.5 = 0.25. Belgium (not in the supply
        // data) and Australia (mines, but refines nothing) are bought from as the simulation buys from partners without refining data:
        // through the rest-of-world node, so they lose 0.25 too.
        for (var r = 0; r < 3; r++)
        {
            losses[r, 0].ShouldBe(0.5, 1e-12);
            losses[r, 1].ShouldBe(0.25, 1e-12);
            losses[r, 2].ShouldBe(0.25, 1e-12);
        }
        notes.ShouldHaveSingleItem().ShouldContain("Rest of world");
        notes[0].ShouldContain("BEL, AUS");
    }

    [Fact]
    public void Build_SameSeed_SameMatrix_OtherSeed_OtherMatrix()
    {
        // Given: an uncertain cut (fraction uniform 0.2–1, probability 0.5).
        ShockEvent[] cut =
        [
            new("COD", ShockKind.Cut, "COD", null, ["cobalt"], Stage.Mining, Distribution.Uniform(0.2, 1), Distribution.Fixed(12),
                Distribution.Fixed(0), 0.5),
        ];

        // When
        var a = ShortfallDraws.Build(Network(), Stage.Refining, "IND", ["CHN", "BEL"], cut, 12, 200, 11, null, out _);
        var b = ShortfallDraws.Build(Network(), Stage.Refining, "IND", ["CHN", "BEL"], cut, 12, 200, 11, null, out _);
        var c = ShortfallDraws.Build(Network(), Stage.Refining, "IND", ["CHN", "BEL"], cut, 12, 200, 12, null, out _);

        // Then: and in every draw China's loss is twice the rest of world's (all versus half of its ore from COD).
        a.Cast<double>().ShouldBe(b.Cast<double>());
        a.Cast<double>().SequenceEqual(c.Cast<double>()).ShouldBeFalse();
        for (var r = 0; r < 200; r++)
        {
            a[r, 0].ShouldBe(2 * a[r, 1], 1e-12);
        }
    }
}
