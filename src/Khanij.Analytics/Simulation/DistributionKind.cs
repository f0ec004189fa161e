namespace Khanij.Analytics.Simulation;

/// <summary>Families of <see cref="Distribution"/>.</summary>
public enum DistributionKind
{
    /// <summary>One value.</summary>
    Fixed,
    /// <summary>Uniform between min and max.</summary>
    Uniform,
    /// <summary>Triangular with min, mode and max.</summary>
    Triangular,
}
