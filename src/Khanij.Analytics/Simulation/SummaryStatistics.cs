namespace Khanij.Analytics.Simulation;

/// <summary>Distribution of one output over Monte Carlo runs. Shortfalls are losses, so the tail that matters is the upper one.</summary>
/// <param name="Count">Number of runs.</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="Median">50th percentile (linear interpolation between order statistics, Hyndman–Fan type 7).</param>
/// <param name="P95">95th percentile (type 7).</param>
/// <param name="CVaR95">Expected shortfall at 95 %: the mean of the worst ⌈5 % · Count⌉ runs (the largest values).</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
public sealed record SummaryStatistics(long Count, double Mean, double Median, double P95, double CVaR95, double Min, double Max)
{
    /// <summary>Computes the statistics. <paramref name="values"/> is sorted in place.</summary>
    /// <exception cref="ArgumentException">No values.</exception>
    public static SummaryStatistics Of(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0)
        {
            throw new ArgumentException("No values to summarise.", nameof(values));
        }
        Array.Sort(values);
        var n = values.Length;
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }
        var tail = (int)Math.Ceiling(0.05 * n);
        var tailSum = 0.0;
        for (var i = n - tail; i < n; i++)
        {
            tailSum += values[i];
        }
        return new SummaryStatistics(n, sum / n, Quantile(values, 0.5), Quantile(values, 0.95), tailSum / tail, values[0], values[^1]);
    }

    /// <summary>Type-7 quantile of sorted values.</summary>
    internal static double Quantile(double[] sorted, double q)
    {
        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
