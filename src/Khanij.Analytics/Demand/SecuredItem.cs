namespace Khanij.Analytics.Demand;

/// <summary>One part of secured supply for a mineral and year.</summary>
/// <param name="Kind"><c>domestic_production</c>, <c>partner_imports</c> or <c>partnership</c> (a registry project).</param>
/// <param name="Label">What it is, e.g. <c>USGS mine production IND 2025</c>, <c>imports from AUS</c>, a registry record title.</param>
/// <param name="Tonnes">Tonnes of the element a year; null when it cannot be quantified in those terms (see <paramref name="NotCounted"/>).</param>
/// <param name="Basis">How the figure was formed and what its tonnes are of.</param>
/// <param name="Source">Where it comes from (file and edition, or registry id).</param>
/// <param name="NotCounted">Why it is not added to secured supply, or null when it is.</param>
/// <param name="Partnerships">For partner imports: the partnership bases linking the supplier to the country (<c>framework:MSP</c>, <c>registry</c> …).</param>
public sealed record SecuredItem(
    string Kind, string Label, double? Tonnes, string Basis, string Source, string? NotCounted, IReadOnlyList<string> Partnerships)
{
    /// <summary>True when the item enters the secured total.</summary>
    public bool Counted => NotCounted is null && Tonnes is not null;
}
