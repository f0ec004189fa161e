using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Khanij.Analytics.Simulation;

/// <summary>
/// Draws the events of one run. Run <c>r</c> of seed <c>s</c> has its own SplitMix64 stream seeded from (s, r), so a run's
/// draws never depend on which thread ran it or on the other runs. Each event consumes exactly four uniforms, in order:
/// occurrence, fraction, duration, start.
/// </summary>
public static class ShockSampler
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>Fills <paramref name="destination"/> with the draws of run <paramref name="run"/>. With
    /// <paramref name="monteCarlo"/> false every event happens with its central values (the single deterministic run).</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="events"/>.</exception>
    public static void Sample(IReadOnlyList<ShockEvent> events, ulong seed, long run, bool monteCarlo, Span<SampledShock> destination)
    {
        ArgumentNullException.ThrowIfNull(events);
        Sample(events as ShockEvent[] ?? [.. events], seed, run, monteCarlo, destination);
    }

    /// <summary>As <see cref="Sample(IReadOnlyList{ShockEvent}, ulong, long, bool, Span{SampledShock})"/>, over a span (no copy).</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="events"/>.</exception>
    public static void Sample(ReadOnlySpan<ShockEvent> events, ulong seed, long run, bool monteCarlo, Span<SampledShock> destination)
    {
        if (destination.Length < events.Length)
        {
            throw new ArgumentException($"Room for {destination.Length} draws; {events.Length} events.", nameof(destination));
        }
        var state = Mix(seed ^ Mix(unchecked((ulong)run + Golden)));
        for (var e = 0; e < events.Length; e++)
        {
            var ev = events[e];
            double uOccur, uFraction, uDuration, uStart;
            if (monteCarlo)
            {
                uOccur = Next(ref state);
                uFraction = Next(ref state);
                uDuration = Next(ref state);
                uStart = Next(ref state);
            }
            else
            {
                uOccur = 0;
                uFraction = uDuration = uStart = double.NaN;
            }
            var occurs = !monteCarlo || uOccur < ev.Probability;
            var fraction = ev.Kind == ShockKind.Outage ? 1.0
                : Math.Clamp(monteCarlo ? ev.Fraction.Quantile(uFraction) : ev.Fraction.Central, 0, 1);
            var duration = Math.Max(0, monteCarlo ? ev.DurationMonths.Quantile(uDuration) : ev.DurationMonths.Central);
            var start = Math.Max(0, monteCarlo ? ev.StartMonth.Quantile(uStart) : ev.StartMonth.Central);
            destination[e] = new SampledShock(occurs, fraction, start, duration);
        }
    }

    /// <summary>
    /// The Monte Carlo draws of runs <paramref name="firstRun"/> … <paramref name="firstRun"/> + <paramref name="count"/> − 1, run i's
    /// events at <c>destination[i × events.Length + e]</c>: bit for bit what <see cref="Sample(ReadOnlySpan{ShockEvent}, ulong, long, bool, Span{SampledShock})"/>
    /// gives for each run (same streams, same arithmetic in the same order), but four runs at a time in 256-bit vectors where the
    /// processor has AVX2, one at a time elsewhere.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than count × events.</exception>
    public static void SampleBlock(ReadOnlySpan<ShockEvent> events, ulong seed, long firstRun, int count, Span<SampledShock> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var e = events.Length;
        if (destination.Length < (long)count * e)
        {
            throw new ArgumentException($"Room for {destination.Length} draws; {count} runs × {e} events.", nameof(destination));
        }
        var i = 0;
        if (Avx2.IsSupported && e > 0)
        {
            const int lanes = 4;
            Span<double> u = stackalloc double[4 * lanes];
            var golden = Vector256.Create(Golden);
            for (; i + lanes <= count; i += lanes)
            {
                var run = Vector256.Create(unchecked((ulong)(firstRun + i))) + Vector256.Create(0UL, 1, 2, 3);
                var state = Mix(Vector256.Create(seed) ^ Mix(run + golden));
                for (var k = 0; k < e; k++)
                {
                    var ev = events[k];
                    // The four uniforms of event k, as the scalar stream steps: occurrence, fraction, duration, start.
                    // A uniform that nothing reads (a certain or impossible event, a fixed value, an outage's fraction) is not mixed:
                    // the stream still steps past it, so the others are the same.
                    state += golden;
                    var occurs = ev.Probability >= 1 ? Vector256<double>.AllBitsSet
                        : ev.Probability <= 0 ? Vector256<double>.Zero
                        : Vector256.LessThan(Uniform(state), Vector256.Create(ev.Probability));
                    state += golden;
                    var fraction = ev.Kind == ShockKind.Outage || !Uses(ev.Fraction) ? Vector256<double>.Zero : Uniform(state);
                    state += golden;
                    var duration = Uses(ev.DurationMonths) ? Uniform(state) : Vector256<double>.Zero;
                    state += golden;
                    var start = Uses(ev.StartMonth) ? Uniform(state) : Vector256<double>.Zero;
                    var f = ev.Kind == ShockKind.Outage ? Vector256.Create(1.0) : Clamp01(Quantile(ev.Fraction, fraction));
                    AtLeastZero(Quantile(ev.DurationMonths, duration)).CopyTo(u);
                    AtLeastZero(Quantile(ev.StartMonth, start)).CopyTo(u[lanes..]);
                    f.CopyTo(u[(2 * lanes)..]);
                    occurs.CopyTo(u[(3 * lanes)..]);
                    for (var j = 0; j < lanes; j++)
                    {
                        destination[(i + j) * e + k] = new SampledShock(BitConverter.DoubleToInt64Bits(u[3 * lanes + j]) != 0, u[2 * lanes + j],
                            u[lanes + j], u[j]);
                    }
                }
            }
        }
        for (; i < count; i++)
        {
            Sample(events, seed, firstRun + i, true, destination.Slice(i * e, e));
        }
    }

    /// <summary>(Mix(state) >> 11) × 2⁻⁵³ on four lanes. The 53-bit integer is turned into a double exactly, as the scalar cast does:
    /// its high and low 32 bits each become a double by the exponent trick, and their sum is exact because the result fits 53 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Uniform(Vector256<ulong> state)
    {
        var x = Vector256.ShiftRightLogical(Mix(state), 11);
        var low = (x & Vector256.Create(0xFFFF_FFFFUL)) | Vector256.Create(0x4330_0000_0000_0000UL); // 2^52 + low
        var high = Vector256.ShiftRightLogical(x, 32) | Vector256.Create(0x4530_0000_0000_0000UL); // 2^84 + high × 2^32
        var value = (high.AsDouble() - Vector256.Create(19342813118337666422669312.0)) + low.AsDouble(); // − (2^84 + 2^52)
        return value * Vector256.Create(1.0 / (1UL << 53));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Mix(Vector256<ulong> z)
    {
        z = Multiply(z ^ Vector256.ShiftRightLogical(z, 30), 0xBF58476D1CE4E5B9UL);
        z = Multiply(z ^ Vector256.ShiftRightLogical(z, 27), 0x94D049BB133111EBUL);
        return z ^ Vector256.ShiftRightLogical(z, 31);
    }

    /// <summary>a × b mod 2⁶⁴ per lane from AVX2's 32 × 32 → 64-bit multiplies: lo·lo + ((hi·lo + lo·hi) ≪ 32).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Multiply(Vector256<ulong> a, ulong b)
    {
        var bLow = Vector256.Create(b & 0xFFFF_FFFFUL).AsUInt32();
        var bHigh = Vector256.Create(b >> 32).AsUInt32();
        var lowLow = Avx2.Multiply(a.AsUInt32(), bLow);
        var highLow = Avx2.Multiply(Vector256.ShiftRightLogical(a, 32).AsUInt32(), bLow);
        var lowHigh = Avx2.Multiply(a.AsUInt32(), bHigh);
        return lowLow + Vector256.ShiftLeft(highLow + lowHigh, 32);
    }

    /// <summary>True when <see cref="Quantile(Distribution, Vector256{double})"/> reads its uniform (not a fixed value or a triangle of width 0).</summary>
    private static bool Uses(Distribution d) => d.Kind switch
    {
        DistributionKind.Fixed => false,
        DistributionKind.Uniform => true,
        _ => d.Max - d.Min > 0,
    };

    /// <summary><see cref="Distribution.Quantile"/> on four draws, the same operations in the same order (both branches of the
    /// triangular computed, the one the scalar code takes selected).</summary>
    private static Vector256<double> Quantile(Distribution d, Vector256<double> u)
    {
        switch (d.Kind)
        {
            case DistributionKind.Fixed:
                return Vector256.Create(d.Min);
            case DistributionKind.Uniform:
                return Vector256.Create(d.Min) + u * Vector256.Create(d.Max - d.Min);
            default:
                var width = d.Max - d.Min;
                if (width <= 0)
                {
                    return Vector256.Create(d.Min);
                }
                var split = (d.Mode - d.Min) / width;
                var low = Vector256.Create(d.Min) + Vector256.Sqrt(u * Vector256.Create(width) * Vector256.Create(d.Mode - d.Min));
                var high = Vector256.Create(d.Max) - Vector256.Sqrt((Vector256<double>.One - u) * Vector256.Create(width) * Vector256.Create(d.Max - d.Mode));
                return Vector256.ConditionalSelect(Vector256.LessThan(u, Vector256.Create(split)), low, high);
        }
    }

    /// <summary>Math.Clamp(x, 0, 1): below 0 gives 0, above 1 gives 1, else x itself.</summary>
    private static Vector256<double> Clamp01(Vector256<double> x) =>
        Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<double>.Zero), Vector256<double>.Zero,
            Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<double>.One), Vector256<double>.One, x));

    /// <summary>Math.Max(0, x) for finite x: x when above 0, else +0.</summary>
    private static Vector256<double> AtLeastZero(Vector256<double> x) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<double>.Zero), x, Vector256<double>.Zero);

    private static double Next(ref ulong state)
    {
        state = unchecked(state + Golden);
        return (Mix(state) >> 11) * (1.0 / (1UL << 53));
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
