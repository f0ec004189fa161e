namespace Khanij.Core.Facts;

/// <summary>One figure of supply (production) of a mineral at a stage by a country or an aggregate, in one year.</summary>
/// <param name="Source">Dataset id: <c>usgs</c>, <c>iea</c> or <c>cheng2020</c>.</param>
/// <param name="MineralId">Catalogue mineral id.</param>
/// <param name="Stage">Value-chain stage.</param>
/// <param name="Iso3">ISO3 code of the producing country; null for an aggregate row.</param>
/// <param name="AggregateKind">Null for a country; else <c>world_total</c>, <c>other</c>, <c>rest_of_world</c>, <c>region</c> or <c>total</c>.
/// Aggregates never enter country shares.</param>
/// <param name="Year">Calendar year of the figure.</param>
/// <param name="Scenario">Null for historical/estimated data; else the projection scenario (e.g. <c>base_case</c>).</param>
/// <param name="Measure">What is measured, e.g. <c>mine production</c>, <c>refinery production</c>.</param>
/// <param name="Value">Quantity in <paramref name="Unit"/>; null where the source withholds it (W, NA).</param>
/// <param name="Unit">Normalised unit: <c>t</c> of contained element/oxide unless stated (see <paramref name="Basis"/>).</param>
/// <param name="Basis">What the tonnes are of, e.g. <c>REO</c>, <c>Li content</c>, <c>Co content</c>, <c>gross weight</c>.</param>
/// <param name="IsEstimate">The source marks the figure as an estimate.</param>
/// <param name="Provenance">Source file, line, edition and original value.</param>
public sealed record SupplyFact(
    string Source,
    string MineralId,
    Stage Stage,
    string? Iso3,
    string? AggregateKind,
    int Year,
    string? Scenario,
    string Measure,
    double? Value,
    string Unit,
    string Basis,
    bool IsEstimate,
    Provenance Provenance)
{
    /// <summary>True when the row is a country (not an aggregate) and may enter shares.</summary>
    public bool IsCountry => Iso3 is not null && AggregateKind is null;
}
