namespace Khanij.Analytics.Risk;

/// <summary>One HS code's part in an import profile: its tonnage as traded and as contained mineral, and whether it was counted.</summary>
/// <param name="HsCode">The HS code.</param>
/// <param name="Product">What the code holds (from the trade-code catalogue), or "not catalogued".</param>
/// <param name="Kind">Catalogue kind id (<c>specific</c>, <c>basket</c>, <c>includes_scrap</c>), or <c>uncatalogued</c>.</param>
/// <param name="ContentFactor">Tonnes of mineral per tonne of product, or null when the code is not catalogued.</param>
/// <param name="FactorBasis">Where the factor comes from (stoichiometry or a cited typical grade).</param>
/// <param name="GrossTonnes">Tonnes of product imported from named partner countries under this code.</param>
/// <param name="ContainedTonnes">Tonnes of contained mineral (gross × factor), or null when the code has no factor.</param>
/// <param name="Counted">True when the code's tonnes are in the profile's totals and shares.</param>
/// <param name="Reason">Why the code was left out (basket code, includes scrap, heading reported with its subheadings …); empty when counted.</param>
public sealed record TradeCodeUse(
    string HsCode,
    string Product,
    string Kind,
    double? ContentFactor,
    string FactorBasis,
    double GrossTonnes,
    double? ContainedTonnes,
    bool Counted,
    string Reason);
