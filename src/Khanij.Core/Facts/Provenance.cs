namespace Khanij.Core.Facts;

/// <summary>Where a figure came from, so every number shown can be traced back.</summary>
/// <param name="SourceFile">Data file name, e.g. <c>usgs_mcs2026_world_production_reserves.csv</c>.</param>
/// <param name="Line">1-based line of the row in that file.</param>
/// <param name="Edition">Publisher and edition/vintage, e.g. <c>USGS MCS 2026</c>, <c>IEA Global Critical Minerals Outlook 2025</c>.</param>
/// <param name="OriginalUnit">The unit as the source states it.</param>
/// <param name="OriginalValue">The value as the source printed it (verbatim text).</param>
/// <param name="OriginalLabel">The source's own label for the row (its country spelling, measure name …).</param>
public sealed record Provenance(string SourceFile, int Line, string Edition, string OriginalUnit, string OriginalValue, string OriginalLabel);
