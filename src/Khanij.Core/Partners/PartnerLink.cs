namespace Khanij.Core.Partners;

/// <summary>A partnership between two countries that the analytics may use (partner-aware risk, partner priority in simulation).</summary>
/// <param name="CountryA">ISO3 of one side.</param>
/// <param name="CountryB">ISO3 of the other side.</param>
/// <param name="MineralIds">Minerals covered; empty or containing <c>critical_minerals</c> means all critical minerals.</param>
/// <param name="From">First day it applies (YYYY-MM-DD), or null when unknown.</param>
/// <param name="To">Last day it applies, or null when open-ended.</param>
/// <param name="Basis">How the link is known: <c>registry</c> (an accepted registry record) or <c>framework:ID</c> (shared membership).</param>
/// <param name="RecordId">The registry record or framework id it comes from, for tracing.</param>
public sealed record PartnerLink(string CountryA, string CountryB, IReadOnlyList<string> MineralIds, string? From, string? To, string Basis, string RecordId)
{
    /// <summary>True when the link joins <paramref name="a"/> and <paramref name="b"/> (either order) and covers <paramref name="mineralId"/>.</summary>
    public bool Covers(string a, string b, string mineralId) =>
        ((CountryA == a && CountryB == b) || (CountryA == b && CountryB == a))
        && (MineralIds.Count == 0 || MineralIds.Contains("critical_minerals") || MineralIds.Contains(mineralId));
}
