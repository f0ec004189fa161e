namespace Khanij.Core.Facts;

/// <summary>One printed estimate of a recycling indicator (UNEP IRP 2011), in percent.</summary>
/// <param name="ElementSymbol">Element symbol (<c>Nd</c>, <c>Pt</c> …).</param>
/// <param name="Element">Element name.</param>
/// <param name="MineralId">Catalogue mineral (a rare earth maps to <c>rare_earths</c>, a PGM to <c>platinum_group_metals</c>), else a slug.</param>
/// <param name="Indicator"><c>EOL-RR</c> (end-of-life recycling rate), <c>RC</c> (recycled content) or <c>OSR</c> (old scrap ratio).</param>
/// <param name="EntryAsPrinted">The estimate as printed, with its footnote letter.</param>
/// <param name="Low">Lower value in percent; null for "&lt; x" and blank cells.</param>
/// <param name="High">Upper value in percent; null for "&gt; x" and blank cells.</param>
/// <param name="Qualifier"><c>point</c>, <c>range</c>, <c>less than</c>, <c>greater than</c>, <c>approximately</c> or <c>blank cell (no estimate)</c>.</param>
/// <param name="EstimateSource">The study UNEP cites for the estimate.</param>
/// <param name="Provenance">Source row.</param>
public sealed record RecyclingRate(
    string ElementSymbol, string Element, string MineralId, string Indicator, string EntryAsPrinted, double? Low, double? High, string Qualifier,
    string EstimateSource, Provenance Provenance);
