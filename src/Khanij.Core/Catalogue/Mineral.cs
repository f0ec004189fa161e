namespace Khanij.Core.Catalogue;

/// <summary>A mineral or mineral group of the catalogue.</summary>
/// <param name="Id">Stable lower-case id, e.g. <c>rare_earths</c>, <c>lithium</c>.</param>
/// <param name="NameEn">English display name.</param>
/// <param name="Symbols">Element symbols (may be empty for coal, potash …).</param>
/// <param name="NamesHi">Hindi names and spellings, most common first.</param>
/// <param name="AliasesEn">Other English names (e.g. <c>REE</c>, <c>spodumene</c>).</param>
/// <param name="HsCodes">Harmonized System codes of the mineral's main traded forms.</param>
/// <param name="India2023">On India's 2023 list of 30 critical minerals.</param>
/// <param name="Eu2023">On the EU 2023 critical raw materials list.</param>
/// <param name="Us2022">On the USGS 2022 critical minerals list.</param>
public sealed record Mineral(
    string Id,
    string NameEn,
    IReadOnlyList<string> Symbols,
    IReadOnlyList<string> NamesHi,
    IReadOnlyList<string> AliasesEn,
    IReadOnlyList<string> HsCodes,
    bool India2023,
    bool Eu2023,
    bool Us2022);
