using Khanij.Core.Facts;

namespace Khanij.Analytics.Risk;

/// <summary>One country's part of a supply or import total.</summary>
/// <param name="Iso3">The country.</param>
/// <param name="Value">Its quantity, in the unit of the table it comes from.</param>
/// <param name="Share">Its share of the denominator (a fraction 0–1; see <see cref="ConcentrationResult.Denominator"/>).</param>
/// <param name="Provenance">The source row, or null when the value sums several rows (e.g. several HS codes).</param>
public sealed record CountryShare(string Iso3, double Value, double Share, Provenance? Provenance);
