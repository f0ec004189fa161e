namespace Khanij.Core.Facts;

/// <summary>A concentration figure as a publisher printed it (e.g. the IEA's top-3 share), kept to check computed shares against.</summary>
/// <param name="Source">Dataset id, e.g. <c>iea</c>.</param>
/// <param name="MineralId">Catalogue mineral id.</param>
/// <param name="Stage">Value-chain stage.</param>
/// <param name="Year">Year of the figure.</param>
/// <param name="Scenario">Null for historical data, else the projection scenario (e.g. <c>base_case</c>).</param>
/// <param name="Measure">What the share is of, e.g. <c>top-3 share of mine production</c>.</param>
/// <param name="Fraction">The share, from 0 to 1.</param>
/// <param name="Provenance">Source row.</param>
public sealed record PublishedShare(string Source, string MineralId, Stage Stage, int Year, string? Scenario, string Measure, double Fraction,
    Provenance Provenance);
