namespace Khanij.Core.Partners;

/// <summary>A partnership between two countries that the analytics may use (partner-aware risk, partner priority in simulation).</summary>
/// <param name="CountryA">ISO3 of one side.</param>
/// <param name="CountryB">ISO3 of the other side.</param>
/// <param name="MineralIds">Minerals covered; empty or containing <c>critical_minerals</c> means all critical minerals.</param>
/// <param name="From">First day it applies (YYYY-MM-DD), or null when unknown.</param>
/// <param name="To">Last day it applies, or null when open-ended.</param>
/// <param name="Basis">How the link is known: <c>registry</c> (an accepted registry record) or <c>framework:ID</c> (shared membership).</param>
/// <param name="RecordId">The registry record or framework id it comes from, for tracing.</param>
/// <param name="Stages">Supply stages the link covers; null for every stage (framework membership, or a record that names no stage).</param>
/// <param name="Scope">How the record's minerals and stages became this link's scope, in words (e.g. "critical_minerals → India 2023
/// list; stages: mining"); null when the link covers exactly what it names.</param>
public sealed record PartnerLink(string CountryA, string CountryB, IReadOnlyList<string> MineralIds, string? From, string? To, string Basis, string RecordId,
    IReadOnlyList<Stage>? Stages = null, string? Scope = null)
{
    /// <summary>True when the link covers <paramref name="mineralId"/> between the two countries at <paramref name="stage"/>.</summary>
    public bool Covers(string a, string b, string mineralId, Stage stage) =>
        Covers(a, b, mineralId) && (Stages is null || Stages.Contains(stage));

    /// <summary>"basis record: scope", for output that says which record and which scope made a country a partner.</summary>
    public string Describe() => Basis + " " + RecordId + (Scope is null ? "" : ": " + Scope);

    /// <summary>True when the link joins <paramref name="a"/> and <paramref name="b"/> (either order) and covers <paramref name="mineralId"/>.</summary>
    public bool Covers(string a, string b, string mineralId) =>
        ((CountryA == a && CountryB == b) || (CountryA == b && CountryB == a))
        && (MineralIds.Count == 0 || MineralIds.Contains("critical_minerals") || MineralIds.Contains(mineralId));
}
