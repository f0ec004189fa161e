namespace Khanij.Analytics.Diversify;

/// <summary>A supplier the optimiser may buy from.</summary>
/// <param name="Iso3">Supplier country.</param>
/// <param name="Today">Its share of the country's imports today (0–1; 0 for a country it does not buy from yet).</param>
/// <param name="RiskWeight">WGIᵢ × tᵢ × partner factor: the weight of sᵢ² in the sourcing term of the risk method (docs/risk.md §2–5);
/// null when the supplier has no WGI score (it cannot be assessed, so the risk objective does not recommend it).</param>
/// <param name="ExportLimit">The largest share of the country's imports it could supply: its exports ÷ the country's imports, same codes,
/// year and unit; null when the trade data give no export figure (no limit applied, and the output says so).</param>
/// <param name="ExportBasis">How the export limit was formed, in words.</param>
/// <param name="IsPartner">True when a partnership links it to the country for the mineral.</param>
public sealed record Supplier(string Iso3, double Today, double? RiskWeight, double? ExportLimit, string ExportBasis, bool IsPartner);
