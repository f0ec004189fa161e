using System.Globalization;
using Khanij.Analytics.Risk;
using Khanij.Application.Localization;
using Khanij.Core.Catalogue;
using Khanij.Core.Facts;
using Khanij.Data;

namespace Khanij.Application.Sheets;

/// <summary>The sentences and curated texts of the mineral sheet and the country profile in the language of the call chain
/// (<see cref="Messages.Use(string)"/>): sentences from the message catalogue (keys <c>Sheet_*</c>, <c>Profile_*</c>), a restriction's scope
/// and a reported fact's item, unit and period from their curated Hindi (<c>data/catalogue/restriction_scope.csv</c>,
/// <c>reported_facts_hi.csv</c>). English is the text as stored, unchanged.</summary>
internal static class SheetText
{
    private static bool Hindi => Messages.Language == "hi";

    /// <summary>The mineral's name: its first Hindi name in Hindi, else the English name.</summary>
    public static string Mineral(Mineral mineral) => Hindi && mineral.NamesHi.Count > 0 ? mineral.NamesHi[0] : mineral.NameEn;

    /// <summary>A mineral id as the sentences name it: the id in English (as they always have), the Hindi name in Hindi.</summary>
    public static string MineralId(KhanijCatalogue catalogue, string id) =>
        Hindi && catalogue.MineralById(id) is { NamesHi.Count: > 0 } m ? m.NamesHi[0] : id;

    /// <summary>A country as the sentences name it: the ISO3 code in English, the Hindi display name in Hindi.</summary>
    public static string Country(KhanijCatalogue catalogue, string iso3) =>
        Hindi && catalogue.CountryByIso3(iso3) is { } c ? c.DisplayNameHi : iso3;

    /// <summary>A trade-extract source as the sentences name it: its id in English; in Hindi its catalogue name (<c>Sheet_Source_{id}</c>) where
    /// there is one, else the id.</summary>
    public static string Source(string id) => Hindi ? Messages.Find("Sheet_Source_" + id) ?? id : id;

    /// <summary>The restriction with its scope in the language (the register's wording in English, the curated Hindi in Hindi).</summary>
    public static ExportRestriction Restriction(ExportRestriction r) => Hindi && r.ScopeHi.Length > 0 ? r with { Scope = r.ScopeHi } : r;

    /// <summary>The reported fact with its item, unit and period in the language (as compiled in English, the curated Hindi in Hindi).</summary>
    public static ReportedFact Fact(ReportedFact f) =>
        Hindi ? f with { Item = f.Hindi.Item, Unit = f.Hindi.Unit, Period = f.Hindi.Period } : f;

    /// <summary>The recycling input with its basis worded from the catalogue (the same sentence as <see cref="RecyclingFactor.For"/> writes in
    /// English), naming the element in Hindi: the catalogue's mineral of that name, else the element's name in the message catalogue.</summary>
    public static RecyclingInput Recycling(KhanijCatalogue catalogue, RecyclingInput r)
    {
        if (r.Estimate is not { } e || r.RatePercent is not { } rate)
        {
            return r with { Basis = Messages.Get("Sheet_RecyclingNone") };
        }
        var what = Messages.Get(e.Indicator == RecyclingFactor.EolRr ? "Sheet_RecyclingEolRr" : "Sheet_RecyclingRc");
        var bound = e.Qualifier switch
        {
            "less than" => Messages.Get("Sheet_RecyclingBoundBelow"),
            "greater than" => Messages.Get("Sheet_RecyclingBoundAbove"),
            _ => "",
        };
        var element = !Hindi ? e.Element
            : catalogue.Minerals.FirstOrDefault(m => string.Equals(m.NameEn, e.Element, StringComparison.OrdinalIgnoreCase)) is { NamesHi.Count: > 0 } m
                ? m.NamesHi[0]
                : Messages.Find("Sheet_Element_" + e.Element.ToLowerInvariant()) ?? e.Element;
        return r with { Basis = Messages.Format("Sheet_RecyclingBasis", rate, what, element, e.EntryAsPrinted, bound) };
    }

    /// <summary>What each source's extract covers: the coverage text stored with it in English; in Hindi the same facts (reporters, partners,
    /// HS codes, years) read from the source's rows in the store and written from the catalogue, since the stored text is English.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> CoverageAsync(KhanijStore store, KhanijCatalogue catalogue,
        IReadOnlyList<TradeExtract> extracts, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in extracts.GroupBy(e => e.Source, StringComparer.Ordinal))
        {
            if (!Hindi)
            {
                result[group.Key] = group.First().Coverage;
                continue;
            }
            var rows = await store.GetTradeExtractsAsync(source: group.Key, cancellationToken: cancellationToken);
            string Names(IEnumerable<string> values) => string.Join(", ", values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            result[group.Key] = Messages.Format("Sheet_CoverageRows",
                Names(rows.Select(r => Country(catalogue, r.ReporterIso3))),
                Names(rows.Select(r => r.PartnerIso3 is { } p ? Country(catalogue, p) : Messages.Get("Sheet_World"))),
                Names(rows.Select(r => r.HsCode)),
                rows.Min(r => r.Year).ToString(CultureInfo.InvariantCulture), rows.Max(r => r.Year).ToString(CultureInfo.InvariantCulture));
        }
        return result;
    }
}
