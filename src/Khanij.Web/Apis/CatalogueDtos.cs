using Khanij.Core.Catalogue;

namespace Khanij.Web.Apis;

/// <summary>A mineral of the catalogue as the API returns it.</summary>
internal sealed record MineralDto(
    string Id,
    string NameEn,
    string? NameHi,
    IReadOnlyList<string> NamesHi,
    IReadOnlyList<string> Symbols,
    IReadOnlyList<string> AliasesEn,
    IReadOnlyList<string> HsCodes,
    bool India2023,
    bool Eu2023,
    bool Us2022)
{
    public static MineralDto From(Mineral m) =>
        new(m.Id, m.NameEn, m.NamesHi.FirstOrDefault(), m.NamesHi, m.Symbols, m.AliasesEn, m.HsCodes, m.India2023, m.Eu2023, m.Us2022);
}

/// <summary>A country as the API returns it; <c>numeric</c> is the ISO 3166-1 numeric code that world maps use.</summary>
internal sealed record CountryDto(
    string Iso3,
    string Iso2,
    string Numeric,
    string NameEn,
    string DisplayName,
    string? NameHi,
    IReadOnlyList<string> NamesHi,
    IReadOnlyList<string> AliasesEn,
    IReadOnlyList<string> AdjectivesHi,
    IReadOnlyList<string> AdjectivesEn)
{
    public static CountryDto From(Country c) =>
        new(c.Iso3, c.Iso2, c.Numeric, c.NameEn, c.DisplayName, c.NamesHi.FirstOrDefault(), c.NamesHi, c.AliasesEn, c.AdjectivesHi, c.AdjectivesEn);
}

/// <summary>A framework or grouping (MSP, IPEF, Quad …) with its members.</summary>
internal sealed record FrameworkDto(string Id, string NameEn, string? NameHi, IReadOnlyList<string> AliasesEn, IReadOnlyList<string> Members, string Founded)
{
    public static FrameworkDto From(Framework f) => new(f.Id, f.NameEn, f.NamesHi.FirstOrDefault(), f.AliasesEn, f.Members, f.Founded);
}
