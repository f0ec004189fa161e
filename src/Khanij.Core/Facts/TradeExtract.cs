namespace Khanij.Core.Facts;

/// <summary>A trade figure from a partial extract in a publisher's own layout (UN Comtrade, CEPII BACI), kept apart from the Trade Map
/// flows so that a partial source never mixes into totals computed from a complete one.</summary>
/// <param name="Source">Dataset id (<c>comtrade_pack</c>, or the id given when the file was added).</param>
/// <param name="HsCode">HS code as reported.</param>
/// <param name="MineralId">Catalogue mineral of the code (the code, else its 4-digit heading).</param>
/// <param name="ReporterIso3">Reporting country (for BACI: the importer).</param>
/// <param name="PartnerIso3">Partner country, or null for an aggregate partner.</param>
/// <param name="PartnerAggregate">Null for a country partner; else <c>world_total</c>.</param>
/// <param name="Flow"><c>import</c> or <c>export</c> from the reporter's side.</param>
/// <param name="Year">Calendar year.</param>
/// <param name="QuantityT">Net weight in tonnes (source kg ÷ 1000), null when the source gives no mass.</param>
/// <param name="ValueUsd">Trade value in US dollars (CIF for imports, FOB for exports), null when absent.</param>
/// <param name="Coverage">What the extract covers (reporters, partners, codes, years): show it wherever the figure is used.</param>
/// <param name="Provenance">Source row.</param>
public sealed record TradeExtract(
    string Source, string HsCode, string MineralId, string ReporterIso3, string? PartnerIso3, string? PartnerAggregate, string Flow, int Year,
    double? QuantityT, double? ValueUsd, string Coverage, Provenance Provenance);
