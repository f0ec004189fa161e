namespace Khanij.Analytics.Simulation;

/// <summary>The outputs of all runs: a run × metric matrix. Not thread-safe for writing; engines fill it before returning.</summary>
public sealed class SimulationRuns
{
    private readonly double[] _values;

    /// <summary>Creates an empty matrix for <paramref name="runCount"/> runs of <paramref name="metrics"/>.</summary>
    public SimulationRuns(IReadOnlyList<SimulationMetric> metrics, int runCount, ulong seed, string engine)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentOutOfRangeException.ThrowIfLessThan(runCount, 1);
        Metrics = metrics;
        RunCount = runCount;
        Seed = seed;
        Engine = engine;
        _values = new double[checked(runCount * metrics.Count)];
    }

    /// <summary>The outputs, in column order.</summary>
    public IReadOnlyList<SimulationMetric> Metrics { get; }

    /// <summary>Number of runs.</summary>
    public int RunCount { get; }

    /// <summary>The seed used.</summary>
    public ulong Seed { get; }

    /// <summary>The engine that produced the numbers.</summary>
    public string Engine { get; }

    /// <summary>True when the runs were Monte Carlo draws (more than one run).</summary>
    public bool IsMonteCarlo => RunCount > 1;

    /// <summary>The outputs of run <paramref name="run"/>, one per metric.</summary>
    public Span<double> Row(int run) => _values.AsSpan(run * Metrics.Count, Metrics.Count);

    /// <summary>Value of metric <paramref name="metric"/> in run <paramref name="run"/>.</summary>
    public double this[int run, int metric] => _values[run * Metrics.Count + metric];

    /// <summary>A copy of one metric's values over all runs.</summary>
    public double[] Column(int metric)
    {
        var column = new double[RunCount];
        for (var r = 0; r < RunCount; r++)
        {
            column[r] = _values[r * Metrics.Count + metric];
        }
        return column;
    }

    /// <summary>Statistics of every metric over the runs.</summary>
    public IReadOnlyList<SummaryStatistics> Summarise() =>
        [.. Enumerable.Range(0, Metrics.Count).Select(m => SummaryStatistics.Of(Column(m)))];
}
