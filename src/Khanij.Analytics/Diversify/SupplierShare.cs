namespace Khanij.Analytics.Diversify;

/// <summary>Today's and the recommended share of one supplier.</summary>
/// <param name="Iso3">Supplier.</param>
/// <param name="Today">Share today (0–1).</param>
/// <param name="Recommended">Recommended share (0–1).</param>
/// <param name="IsPartner">Partner of the country for the mineral.</param>
/// <param name="Limit">The tightest upper limit on the supplier and which constraint sets it.</param>
/// <param name="Alone">The objective if all imports came from this supplier: its risk weight (risk), or CVaR95 of its own loss fraction
/// (cvar); null when it cannot be assessed (no WGI score). Shows why the optimiser prefers one supplier to another.</param>
public sealed record SupplierShare(string Iso3, double Today, double Recommended, bool IsPartner, string Limit, double? Alone = null);
