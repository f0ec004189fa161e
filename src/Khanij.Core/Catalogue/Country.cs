namespace Khanij.Core.Catalogue;

/// <summary>A country or territory of ISO 3166-1.</summary>
/// <param name="Iso2">Alpha-2 code.</param>
/// <param name="Iso3">Alpha-3 code, the id used everywhere in Khanij.</param>
/// <param name="Numeric">Numeric code, three digits with leading zeros.</param>
/// <param name="NameEn">English short name (iso-codes).</param>
/// <param name="NamesHi">Hindi names: iso-codes, CLDR and its variants, and curated spellings.</param>
/// <param name="AliasesEn">Other English names, short forms and source spellings.</param>
/// <param name="AdjectivesHi">Hindi demonyms/adjectives such as भारतीय, अमेरिकी.</param>
/// <param name="AdjectivesEn">English adjectives such as Indian, American.</param>
public sealed record Country(
    string Iso2,
    string Iso3,
    string Numeric,
    string NameEn,
    IReadOnlyList<string> NamesHi,
    IReadOnlyList<string> AliasesEn,
    IReadOnlyList<string> AdjectivesHi,
    IReadOnlyList<string> AdjectivesEn);
