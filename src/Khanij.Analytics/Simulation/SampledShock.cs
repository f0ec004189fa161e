namespace Khanij.Analytics.Simulation;

/// <summary>One event as drawn for one run.</summary>
/// <param name="Occurs">Whether it happens in this run.</param>
/// <param name="Fraction">Fraction withheld in [0, 1] (1 for an outage).</param>
/// <param name="StartMonth">Start, months (≥ 0).</param>
/// <param name="DurationMonths">Duration, months (≥ 0).</param>
public readonly record struct SampledShock(bool Occurs, double Fraction, double StartMonth, double DurationMonths);
