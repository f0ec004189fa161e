namespace Khanij.Core.Facts;

/// <summary>A bilateral trade quantity for one HS code, as reported by one side (ITC Trade Map).</summary>
/// <param name="HsCode">Harmonized System code (4 or 6 digits).</param>
/// <param name="MineralId">Catalogue mineral the HS code belongs to.</param>
/// <param name="ReporterIso3">The reporting country.</param>
/// <param name="PartnerIso3">The partner country; null when the partner is an aggregate (see <paramref name="PartnerAggregate"/>).</param>
/// <param name="PartnerAggregate">Null for a country partner; else e.g. <c>world</c>.</param>
/// <param name="Flow"><c>import</c> or <c>export</c>, from the reporter's point of view.</param>
/// <param name="IsMirror">True when built from partner reports (ITC "mirror" data).</param>
/// <param name="Year">Calendar year.</param>
/// <param name="Quantity">Quantity in <paramref name="Unit"/>; null when the source gives none.</param>
/// <param name="Unit">Normalised unit (<c>t</c> where the source says tons), else the source's unit.</param>
/// <param name="Provenance">Source row.</param>
/// <param name="Code">The code's entry in the trade-code catalogue (mineral, stage, content factor, kind); null when the code is not catalogued,
/// in which case the flow has no contained-mineral figure and the analytics leave it out.</param>
public sealed record TradeFlow(
    string HsCode,
    string MineralId,
    string ReporterIso3,
    string? PartnerIso3,
    string? PartnerAggregate,
    string Flow,
    bool IsMirror,
    int Year,
    double? Quantity,
    string Unit,
    Provenance Provenance,
    TradeCode? Code = null)
{
    /// <summary>Tonnes of contained mineral (quantity × the code's content factor), or null without a quantity in tonnes or a catalogued code.</summary>
    public double? ContainedTonnes => Unit == "t" && Quantity is { } q && Code is { } c ? q * c.ContentFactor : null;
}
