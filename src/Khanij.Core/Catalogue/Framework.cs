namespace Khanij.Core.Catalogue;

/// <summary>A multilateral framework or grouping (MSP, IPEF, Quad, G7 …).</summary>
/// <param name="Id">Upper-case id used as an event party, e.g. <c>MSP</c>, <c>QUAD</c>.</param>
/// <param name="NameEn">English name.</param>
/// <param name="NamesHi">Hindi names.</param>
/// <param name="AliasesEn">English aliases and abbreviations.</param>
/// <param name="Members">ISO3 codes of members where known; empty when not curated.</param>
/// <param name="Founded">Year or year-month it was founded, as text; may be empty.</param>
public sealed record Framework(
    string Id,
    string NameEn,
    IReadOnlyList<string> NamesHi,
    IReadOnlyList<string> AliasesEn,
    IReadOnlyList<string> Members,
    string Founded);
