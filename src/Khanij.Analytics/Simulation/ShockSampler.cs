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
