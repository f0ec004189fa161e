namespace Khanij.Core.Facts;

/// <summary>Reserves (and where given, demonstrated resources) of a mineral in a country or aggregate.</summary>
/// <param name="Source">Dataset id: <c>usgs2026</c> or <c>usgs2024</c>.</param>
/// <param name="MineralId">Catalogue mineral id.</param>
/// <param name="Iso3">Country, or null for an aggregate.</param>
/// <param name="AggregateKind">Null for a country; else <c>world_total</c>, <c>other</c> …</param>
/// <param name="ReservesT">Reserves in tonnes (same basis as the source's production figures), null when withheld.</param>
/// <param name="ResourcesT">Demonstrated resources in tonnes where the source gives them, else null.</param>
/// <param name="Basis">What the tonnes are of (e.g. <c>Li content</c>).</param>
/// <param name="Provenance">Source row.</param>
public sealed record ReserveFigure(
    string Source, string MineralId, string? Iso3, string? AggregateKind, double? ReservesT, double? ResourcesT, string Basis, Provenance Provenance);
