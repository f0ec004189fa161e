namespace Khanij.Core.Facts;

/// <summary>An export restriction on one or more minerals (curated register).</summary>
/// <param name="Id">Register id, e.g. <c>CHN-2023-GRAPHITE-LIC</c>.</param>
/// <param name="Iso3">Restricting country.</param>
/// <param name="Measure">export_ban, export_quota, export_licensing, export_suspension, destination_ban, technology_export_ban.</param>
/// <param name="MineralIds">Catalogue mineral ids covered (or <c>critical_minerals</c>).</param>
/// <param name="Scope">What products are covered, as the register words it (text only: which stage a restriction bites at is
/// <see cref="Stages"/>, never guessed from this text).</param>
/// <param name="Target"><c>all</c> or the ISO3 codes of targeted destinations.</param>
/// <param name="Announced">Announcement date (YYYY-MM or YYYY-MM-DD) or empty.</param>
/// <param name="Effective">Date it took effect, or empty.</param>
/// <param name="Ended">Date it ended, or empty when in force.</param>
/// <param name="Status">Status as of the register's vintage, e.g. <c>in_force</c>, <c>ended</c>, <c>suspended</c>.</param>
/// <param name="Confidence">high, medium or low.</param>
/// <param name="Notes">Notes from the register.</param>
/// <param name="Provenance">Source row.</param>
public sealed record ExportRestriction(
    string Id,
    string Iso3,
    string Measure,
    IReadOnlyList<string> MineralIds,
    string Scope,
    string Target,
    string Announced,
    string Effective,
    string Ended,
    string Status,
    string Confidence,
    string Notes,
    Provenance Provenance)
{
    /// <summary>Value-chain stages whose supply the restriction restricts (curated in <c>data/catalogue/restriction_scope.csv</c>).
    /// Empty means the restriction restricts no stage's supply (e.g. a technology export ban).</summary>
    public IReadOnlyList<Stage> Stages { get; init; } = [];

    /// <summary>The products covered, as a curated list (e.g. <c>nickel ore</c>; <c>ammonium paratungstate</c>).</summary>
    public IReadOnlyList<string> Products { get; init; } = [];

    /// <summary>Why the stages and products were curated as they are (the reading of the announcement).</summary>
    public string ScopeNote { get; init; } = "";

    /// <summary><see cref="Scope"/> in Hindi (curated in <c>data/catalogue/restriction_scope.csv</c>); a service answering in Hindi puts it in
    /// <see cref="Scope"/>, so it is not written out on its own.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string ScopeHi { get; init; } = "";
}
