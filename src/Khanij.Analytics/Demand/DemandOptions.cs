namespace Khanij.Analytics.Demand;

/// <summary>Parameters of the needs calculation.</summary>
/// <param name="IntensityImprovement">Fractional fall in every kg/kWh per year (0 = BatPaC as published; 0.02 = 2 % less each year),
/// in [0, 0.5).</param>
/// <param name="BaseYear">Year the BatPaC intensities describe; null means the scenario's first year. The factor applied in year y is
/// (1 − improvement)^(y − base); years before the base get no adjustment.</param>
public sealed record DemandOptions(double IntensityImprovement = 0, int? BaseYear = null)
{
    /// <summary>No intensity improvement.</summary>
    public static DemandOptions Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for an improvement outside [0, 0.5).</summary>
    public DemandOptions Validate() =>
        IntensityImprovement is >= 0 and < 0.5 ? this
            : throw new ArgumentOutOfRangeException(nameof(IntensityImprovement), IntensityImprovement, "The intensity improvement must be in [0, 0.5).");
}
