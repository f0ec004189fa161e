namespace Khanij.Analytics;

/// <summary>Marker for the analytics assembly (statistics and simulation over Core types; no I/O).</summary>
public static class AnalyticsAssembly
{
    /// <summary>The assembly's name, for diagnostics.</summary>
    public const string Name = "Khanij.Analytics";
}
