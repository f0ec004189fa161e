namespace Khanij.Analytics.Simulation;

/// <summary>
/// What a simulation keeps of its runs when they are streamed (<see cref="ISimulationEngine.Summarise"/>): per output the summary
/// statistics and a histogram, or the outputs of the single run. Its size depends on the number of outputs, never on the number of runs.
/// </summary>
public sealed class SimulationSummary
{
    internal SimulationSummary(IReadOnlyList<SimulationMetric> metrics, long runCount, ulong seed, string engine, int passes,
        double[]? singleRun, IReadOnlyList<SummaryStatistics>? statistics, IReadOnlyList<Histogram>? histograms)
    {
        Metrics = metrics;
        RunCount = runCount;
        Seed = seed;
        Engine = engine;
        Passes = passes;
        SingleRun = singleRun;
        Statistics = statistics;
        Histograms = histograms;
    }

    /// <summary>How many passes a summary of <paramref name="runs"/> runs usually takes (for a progress bar's total): 1 for one run or
    /// when every value fits in one bin's keep, else 2 (rarely more; see docs/simulation.md).</summary>
    public static int TypicalPasses(long runs) => runs <= StreamingStatistics.DefaultCollectCap ? 1 : 2;

    /// <summary>The outputs, in column order.</summary>
    public IReadOnlyList<SimulationMetric> Metrics { get; }

    /// <summary>Number of runs.</summary>
    public long RunCount { get; }

    /// <summary>The seed used.</summary>
    public ulong Seed { get; }

    /// <summary>The engine that produced the numbers.</summary>
    public string Engine { get; }

    /// <summary>How many times the runs were generated: 1 when every statistic was settled in the first pass, more when exact
    /// quantiles needed another look at the runs (each pass regenerates the same runs from the seed; see <see cref="StreamingStatistics"/>);
    /// 0 when the engine knew every output without running (no event touches any network, so every output is 0).</summary>
    public int Passes { get; }

    /// <summary>True when the runs were Monte Carlo draws (more than one run).</summary>
    public bool IsMonteCarlo => RunCount > 1;

    /// <summary>The outputs of the run when there was only one (central values); null for Monte Carlo.</summary>
    public IReadOnlyList<double>? SingleRun { get; }

    /// <summary>Statistics of every output (Monte Carlo only; null for a single run).</summary>
    public IReadOnlyList<SummaryStatistics>? Statistics { get; }

    /// <summary>A histogram of every output (Monte Carlo only; null for a single run).</summary>
    public IReadOnlyList<Histogram>? Histograms { get; }
}

/// <summary>Counts of runs in equal-width bins between the smallest and the largest value of one output. Bin <c>i</c> covers
/// [Min + i·w, Min + (i+1)·w), the last bin includes Max; when every run gave the same value there is one bin.</summary>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
/// <param name="Width">Width w of a bin (1 when Min = Max).</param>
/// <param name="Counts">Runs per bin.</param>
public sealed record Histogram(double Min, double Max, double Width, IReadOnlyList<long> Counts)
{
    /// <summary>Bins in the histograms of <see cref="SimulationSummary"/>.</summary>
    public const int DefaultBins = 24;

    /// <summary>The bin of <paramref name="value"/> for a histogram from <paramref name="min"/> of <paramref name="bins"/> bins of
    /// <paramref name="width"/>: <c>min(bins − 1, ⌊(value − min) / width⌋)</c>.</summary>
    internal static int BinOf(double value, double min, double width, int bins) => Math.Min(bins - 1, (int)((value - min) / width));
}
