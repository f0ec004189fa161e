using Khanij.Analytics.Simulation;
using Khanij.Core;

namespace Khanij.Analytics.Tests.Simulation;

/// <summary>The vectorised block sampler against the one-run sampler, which the reference engine uses: the same draws bit for bit.</summary>
public sealed class BlockSamplingTests
{
    private static readonly ShockEvent[] Events =
    [
        // Every distribution family, a fraction that leaves [0, 1] (clamped), a start that goes below 0 (floored), an outage, a fixed
        // distribution of width 0 given as a triangle, a certain and an unlikely event.
        new("tri", ShockKind.Cut, "AAA", null, ["x"], Stage.Mining, Distribution.Triangular(0.2, 0.5, 0.9), Distribution.Triangular(3, 6, 18),
            Distribution.Uniform(0, 6), 0.7),
        new("wide", ShockKind.Cut, "BBB", null, ["x"], Stage.Refining, Distribution.Uniform(-0.5, 1.5), Distribution.Uniform(-2, 4),
            Distribution.Triangular(-3, 0, 3), 1.0),
        new("outage", ShockKind.Outage, "CCC", null, ["x"], Stage.Mining, Distribution.Fixed(0.3), Distribution.Fixed(12),
            Distribution.Fixed(0), 0.05),
        new("ban", ShockKind.DestinationBan, "AAA", "IND", ["x"], Stage.Refining, Distribution.Triangular(0.4, 0.4, 0.4),
            Distribution.Triangular(1, 1, 9), Distribution.Triangular(0, 6, 6), 0.5),
        new("never", ShockKind.Cut, "DDD", null, ["x"], Stage.Mining, Distribution.Uniform(0, 1), Distribution.Uniform(1, 2),
            Distribution.Uniform(0, 1), 0),
    ];

    [Theory]
    [InlineData(0UL, 0L, 1000)]
    [InlineData(42UL, 123_456_789L, 1023)] // a count that is not a multiple of the vector width
    [InlineData(ulong.MaxValue, long.MaxValue - 2000, 2001)] // run numbers near the top of the range
    [InlineData(20250404UL, 5L, 3)] // fewer runs than one vector
    public void SampleBlock_AnyRuns_EqualsOneRunAtATime(ulong seed, long firstRun, int count)
    {
        var block = new SampledShock[count * Events.Length];
        ShockSampler.SampleBlock(Events, seed, firstRun, count, block);

        var one = new SampledShock[Events.Length];
        for (var i = 0; i < count; i++)
        {
            ShockSampler.Sample(Events, seed, firstRun + i, true, one);
            for (var e = 0; e < Events.Length; e++)
            {
                var got = block[i * Events.Length + e];
                var want = one[e];
                got.Occurs.ShouldBe(want.Occurs, $"run {firstRun + i}, event {e}");
                BitConverter.DoubleToInt64Bits(got.Fraction).ShouldBe(BitConverter.DoubleToInt64Bits(want.Fraction), $"fraction, run {firstRun + i}, event {e}");
                BitConverter.DoubleToInt64Bits(got.StartMonth).ShouldBe(BitConverter.DoubleToInt64Bits(want.StartMonth), $"start, run {firstRun + i}, event {e}");
                BitConverter.DoubleToInt64Bits(got.DurationMonths).ShouldBe(BitConverter.DoubleToInt64Bits(want.DurationMonths),
                    $"duration, run {firstRun + i}, event {e}");
            }
        }
    }

    [Fact]
    public void SampleBlock_DestinationTooShort_Throws() =>
        Should.Throw<ArgumentException>(() => ShockSampler.SampleBlock(Events, 1, 0, 10, new SampledShock[10 * Events.Length - 1]));
}
