namespace Khanij.Analytics.Demand;

/// <summary>A country's imports of a mineral from one supplier, as the gap needs them.</summary>
/// <param name="Iso3">Supplier.</param>
/// <param name="Tonnes">Quantity a year.</param>
/// <param name="IsContained">True when <paramref name="Tonnes"/> are tonnes of the contained element (comparable with needs); false for
/// gross tonnes of traded product.</param>
/// <param name="Year">Trade year.</param>
/// <param name="Basis">What the tonnes are and how they were formed.</param>
/// <param name="Source">File and edition.</param>
/// <param name="Partnerships">Partnership bases linking the supplier to the importing country; empty when it is not a partner.</param>
public sealed record ImportSupplier(
    string Iso3, double Tonnes, bool IsContained, int Year, string Basis, string Source, IReadOnlyList<string> Partnerships);
