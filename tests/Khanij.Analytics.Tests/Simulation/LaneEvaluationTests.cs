using CsCheck;
using Khanij.Analytics.Simulation;
using Khanij.Core;

namespace Khanij.Analytics.Tests.Simulation;

/// <summary>
/// The fast engine evaluates a mineral with one shock four runs at a time in vector lanes (<c>EvaluateBlock</c>); run by run
/// (<c>FastEngine.RunOne</c>, the scalar code that <see cref="EngineAgreementTests"/> checks against the reference engine) must give
/// the same bits for every output of every run.
/// </summary>
public sealed class LaneEvaluationTests
{
    private static void ShouldEqualRunByRun(SimulationModel model, ulong seed, long firstRun, int count)
    {
        var width = model.Metrics.Count;
        var buffer = new double[count * width];
        FastEngine.NewEvaluator(model).EvaluateBlock(seed, firstRun, count, buffer, count, 0);
        var row = new double[width];
        for (var r = 0; r < count; r++)
        {
            FastEngine.RunOne(model, seed, firstRun + r, true, row);
            for (var m = 0; m < width; m++)
            {
                var (lane, scalar) = (buffer[m * count + r], row[m]);
                Assert.True(BitConverter.DoubleToInt64Bits(lane) == BitConverter.DoubleToInt64Bits(scalar),
                    $"run {firstRun + r}, {model.Metrics[m].Name}: lanes {lane:R}, run by run {scalar:R}");
            }
        }
    }

    [Fact]
    public void EvaluateBlock_GeneratedOneShockModels_EqualsRunByRunBitForBit() =>
        EngineAgreementTests.GenModel.Where(m => m.Events.Count > 0).Select(Gen.Int[0, 4], Gen.ULong, Gen.Int[1, 300])
            .Sample((generated, which, seed, count) =>
            {
                // Given a generated network with one of its events (any kind, stage, distribution and probability)
                var model = new SimulationModel(generated.Networks, [generated.Events[which % generated.Events.Count]], generated.Parameters);

                // When a block of runs is evaluated in lanes and the same runs one at a time
                // Then every output has the same bits
                ShouldEqualRunByRun(model, seed, 17, count);
            }, iter: 300);

    [Fact]
    public void EvaluateBlock_GeneratedModelsWithSeveralShocks_EqualsRunByRunBitForBit() =>
        EngineAgreementTests.GenModel.Select(Gen.ULong).Sample((model, seed) => ShouldEqualRunByRun(model, seed, 0, 64), iter: 100);

    [Fact]
    public void EvaluateBlock_FractionTooSmallToCut_FallsBackAndEqualsRunByRun()
    {
        // Given a cut of a fraction so small that 1 − (1 − f) is 0 (the producer counts as not hit), drawn in some runs only
        var network = Networks.TwoStage("x", ["AAA", "BBB", "CCC"], [50, 30, 20], [0.6, 0.3, 0.1, 0.3, 0.6, 0.1, 0.1, 0.1, 0.8],
            [40, 40, 20], [10, 20, 30]);
        var tiny = new ShockEvent("tiny", ShockKind.Cut, "AAA", null, ["x"], Stage.Mining, Distribution.Uniform(1e-17, 0.5),
            Distribution.Fixed(6), Distribution.Fixed(0), 1);
        var model = new SimulationModel([network], [tiny], Networks.Parameters(0.05, "CCC"));

        // When evaluated in lanes and run by run, Then the same bits
        ShouldEqualRunByRun(model, 3, 0, 1000);
        var never = new ShockEvent("never", ShockKind.Cut, "AAA", null, ["x"], Stage.Mining, Distribution.Fixed(1e-17),
            Distribution.Fixed(6), Distribution.Fixed(0), 1);
        ShouldEqualRunByRun(new SimulationModel([network], [never], Networks.Parameters(0.05, "CCC")), 3, 0, 64);
    }

    [Fact]
    public void EvaluateBlock_TwoMinerals_OneInLanesOneRunByRun_EqualsRunByRunBitForBit()
    {
        // Given two minerals: one with a single uncertain refining cut (lanes), one with two shocks (run by run)
        var x = Networks.TwoStage("x", ["AAA", "BBB", "CCC"], [50, 30, 20], [0.6, 0.3, 0.1, 0.3, 0.6, 0.1, 0.1, 0.1, 0.8], [40, 40, 20],
            [10, 20, 30], [new EndUseSector("magnets", 0.6, false)]);
        var y = Networks.MiningOnly("y", ["AAA", "BBB", "CCC"], [600, 300, 100], [10, 20, 30]);
        ShockEvent[] events =
        [
            new("x cut", ShockKind.Cut, "AAA", null, ["x", "y"], Stage.Refining, Distribution.Triangular(0.25, 0.5, 0.75),
                Distribution.Triangular(6, 12, 18), Distribution.Fixed(0), 1),
            new("y ban", ShockKind.DestinationBan, "BBB", "CCC", ["y"], Stage.Mining, Distribution.Uniform(0.2, 1), Distribution.Uniform(1, 9),
                Distribution.Uniform(0, 6), 0.5),
        ];
        var model = new SimulationModel([x, y], events, Networks.Parameters(0.05, "CCC", priority: true) with { StockpileMonths = 2 });

        // When evaluated in lanes and run by run, Then the same bits
        ShouldEqualRunByRun(model, 20250404, 1_000_000, 1023);
    }
}
