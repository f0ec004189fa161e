namespace Khanij.Core.Facts;

/// <summary>One Worldwide Governance Indicators estimate for a country and year.</summary>
/// <param name="Iso3">Country.</param>
/// <param name="Indicator">WGI code without suffix: CC, GE, PV, RL, RQ or VA.</param>
/// <param name="Year">Year of the estimate.</param>
/// <param name="Estimate">The estimate in standard-normal units (about −2.5 … 2.5; higher is better governance).</param>
/// <param name="Percentile">Percentile rank 0–100 where available, else null.</param>
/// <param name="Provenance">Source row.</param>
public sealed record GovernanceScore(string Iso3, string Indicator, int Year, double Estimate, double? Percentile, Provenance Provenance);
