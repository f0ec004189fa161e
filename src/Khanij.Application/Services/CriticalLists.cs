using Khanij.Core.Catalogue;

namespace Khanij.Application.Services;

/// <summary>Whose critical-minerals list a country's brief uses (data/criticality_lists.csv, read into the catalogue): India's 2023 list for
/// India, the EU's 2023 list for the members of the EU (the catalogue's <c>EU</c> framework), the USGS 2022 list for the United States.
/// Any other country has no list in the data pack, and its brief covers every mineral with data.</summary>
internal static class CriticalLists
{
    /// <summary>The list that applies to <paramref name="iso3"/>, or null when it has none.</summary>
    public static CriticalList? For(KhanijCatalogue catalogue, string iso3)
    {
        if (iso3 == "IND")
        {
            return new CriticalList("India 2023", "India's 2023 list of critical minerals", m => m.India2023);
        }
        if (iso3 == "USA")
        {
            return new CriticalList("US 2022", "the USGS 2022 list of critical minerals", m => m.Us2022);
        }
        if (catalogue.FrameworkById("EU")?.Members.Contains(iso3) == true)
        {
            return new CriticalList("EU 2023", "the EU's 2023 list of critical raw materials", m => m.Eu2023);
        }
        return null;
    }
}

/// <summary>A critical-minerals list: short name, description and membership test.</summary>
internal sealed record CriticalList(string Name, string Description, Func<Mineral, bool> Contains);
