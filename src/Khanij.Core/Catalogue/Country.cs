namespace Khanij.Core.Catalogue;

/// <summary>A country or territory of ISO 3166-1.</summary>
/// <param name="Iso2">Alpha-2 code.</param>
/// <param name="Iso3">Alpha-3 code, the id used everywhere in Khanij.</param>
/// <param name="Numeric">Numeric code, three digits with leading zeros.</param>
/// <param name="NameEn">English short name (iso-codes).</param>
/// <param name="NamesHi">Hindi names: CLDR's common name first (the display name), then iso-codes, CLDR's variants and curated spellings.</param>
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
    IReadOnlyList<string> AdjectivesEn)
{
    /// <summary>A name for tables and charts: the ISO short name, or a common English alias when the ISO name is long or
    /// inverted ("Korea, Republic of", "Congo, The Democratic Republic of the" → "South Korea", "DR Congo").</summary>
    public string DisplayName
    {
        get
        {
            if (NameEn.Length <= 20 && !NameEn.Contains(',', StringComparison.Ordinal) && !NameEn.Contains('(', StringComparison.Ordinal))
            {
                return NameEn;
            }
            return AliasesEn.FirstOrDefault(a => a.Length is >= 5 and <= 20 && !a.Contains(',', StringComparison.Ordinal)
                && !a.Contains('(', StringComparison.Ordinal) && a.Any(char.IsLower)) ?? NameEn;
        }
    }

    /// <summary>The Hindi name for tables and charts: CLDR's common name (रूस, दक्षिण कोरिया), or the English display name when the
    /// catalogue has no Hindi name.</summary>
    public string DisplayNameHi => NamesHi.Count > 0 ? NamesHi[0] : DisplayName;
}
