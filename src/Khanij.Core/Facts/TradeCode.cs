namespace Khanij.Core.Facts;

/// <summary>One HS code of the trade-code catalogue (<c>data/catalogue/hs_codes.csv</c>): which mineral and stage it belongs to and
/// how many tonnes of the mineral one tonne of the traded product contains.</summary>
/// <param name="HsCode">Harmonized System code, 4 digits (a heading) or 6 digits (a subheading).</param>
/// <param name="MineralId">Catalogue mineral id.</param>
/// <param name="Stage">Stage of the value chain the product belongs to (ores and concentrates: mining; chemicals and metals: refining).</param>
/// <param name="Product">What the code holds, in words.</param>
/// <param name="Kind">Specific, basket or includes scrap; only specific codes count by default.</param>
/// <param name="ContentFactor">Tonnes of contained mineral per tonne of product, in (0, 1].</param>
/// <param name="ContentBasis">What the contained tonnes are of, e.g. <c>Li content</c>; matches the basis of the supply tables it is set against.</param>
/// <param name="FactorBasis">Where the factor comes from: stoichiometry or a cited typical grade, with its range.</param>
public sealed record TradeCode(
    string HsCode,
    string MineralId,
    Stage Stage,
    string Product,
    TradeCodeKind Kind,
    double ContentFactor,
    string ContentBasis,
    string FactorBasis)
{
    /// <summary>True when <paramref name="other"/> is a subheading of this code (this code is its 4-digit heading).</summary>
    public bool IsHeadingOf(string other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return HsCode.Length < other.Length && other.StartsWith(HsCode, StringComparison.Ordinal);
    }
}
