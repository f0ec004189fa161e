using System.Globalization;

namespace Khanij.Analytics.Simulation;

/// <summary>
/// A distribution of an uncertain quantity (a shock's fraction, duration or start). Fixed, uniform on [min, max], or
/// triangular (min, mode, max). Valid if it exists: min ≤ mode ≤ max, all finite. <c>default</c> is fixed at 0.
/// </summary>
public readonly record struct Distribution
{
    private Distribution(DistributionKind kind, double min, double mode, double max)
    {
        if (!double.IsFinite(min) || !double.IsFinite(mode) || !double.IsFinite(max) || min > mode || mode > max)
        {
            throw new ArgumentOutOfRangeException(nameof(min), $"Expected finite min ≤ mode ≤ max; got {min}, {mode}, {max}.");
        }
        Kind = kind;
        Min = min;
        Mode = mode;
        Max = max;
    }

    /// <summary>The family.</summary>
    public DistributionKind Kind { get; }

    /// <summary>Smallest value.</summary>
    public double Min { get; }

    /// <summary>Most likely value (triangular), the value (fixed) or the midpoint (uniform).</summary>
    public double Mode { get; }

    /// <summary>Largest value.</summary>
    public double Max { get; }

    /// <summary>A single value.</summary>
    public static Distribution Fixed(double value) => new(DistributionKind.Fixed, value, value, value);

    /// <summary>Uniform on [min, max].</summary>
    public static Distribution Uniform(double min, double max) => new(DistributionKind.Uniform, min, (min + max) / 2, max);

    /// <summary>Triangular with the given mode.</summary>
    public static Distribution Triangular(double min, double mode, double max) => new(DistributionKind.Triangular, min, mode, max);

    /// <summary>The value used in a single deterministic run: the fixed value, the uniform midpoint or the triangular mode.</summary>
    public double Central => Mode;

    /// <summary>The value at uniform draw <paramref name="u"/> in [0, 1) (inverse CDF), so one draw gives one value.</summary>
    public double Quantile(double u) => Kind switch
    {
        DistributionKind.Fixed => Min,
        DistributionKind.Uniform => Min + u * (Max - Min),
        _ => TriangularQuantile(u),
    };

    private double TriangularQuantile(double u)
    {
        var width = Max - Min;
        if (width <= 0)
        {
            return Min;
        }
        var split = (Mode - Min) / width;
        return u < split
            ? Min + Math.Sqrt(u * width * (Mode - Min))
            : Max - Math.Sqrt((1 - u) * width * (Max - Mode));
    }

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        DistributionKind.Fixed => Min.ToString("G6", CultureInfo.InvariantCulture),
        DistributionKind.Uniform => string.Create(CultureInfo.InvariantCulture, $"uniform({Min:G6}, {Max:G6})"),
        _ => string.Create(CultureInfo.InvariantCulture, $"triangular({Min:G6}, {Mode:G6}, {Max:G6})"),
    };
}
