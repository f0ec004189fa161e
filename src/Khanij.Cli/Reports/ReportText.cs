using System.Globalization;
using Khanij.Analytics.Risk;
using Khanij.Application;
using Khanij.Application.Localization;
using Khanij.Application.Services;
using Khanij.Core;
using Khanij.Core.Catalogue;
using Khanij.Core.Text;
using static Khanij.Application.Localization.Messages;

namespace Khanij.Cli.Reports;

/// <summary>Formatting and the generated sentences shared by the terminal, Markdown and HTML reports (one wording everywhere). The words come
/// from the message catalogue (<see cref="Messages"/>) in the current language; names from the catalogue (Hindi: CLDR's common names).</summary>
internal sealed class ReportText(KhanijCatalogue catalogue)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Pct(double? share) => share switch
    {
        null => Get("NotAvailable"),
        > 0 and < 0.0005 => "<0.1 %",
        { } s => (100 * s).ToString("0.0", Inv) + " %",
    };

    public static string Num(double? value, string format = "0") => value is { } v ? v.ToString(format, Inv) : Get("NotAvailable");

    /// <summary>The catalogue name in the current language, or for ids outside the catalogue (e.g. Cheng's cathode products) the catalogue's
    /// word for the id, else a readable form of it.</summary>
    public string Mineral(string id) => (catalogue.MineralById(id) is { } m ? (Language == "hi" && m.NamesHi.Count > 0 ? m.NamesHi[0] : m.NameEn) : null)
        ?? Find("Id_" + id) ?? string.Join(" ", id.Split('_').Select(w => w.Length <= 3 ? w.ToUpperInvariant() : w));

    /// <summary>A display name: the ISO name, or a common short alias when the ISO name is long or inverted ("Korea, Republic of").</summary>
    public string Country(string? iso3)
    {
        if (iso3 is null)
        {
            return Get("NotAvailable");
        }
        if (catalogue.CountryByIso3(iso3) is not { } c)
        {
            return iso3;
        }
        return Language == "hi" ? c.DisplayNameHi : c.DisplayName;
    }

    /// <summary>The country as the owner in a message whose template puts the owned thing after it: "India's", "the United States'"
    /// style in English (no "'s" after a final s); in Hindi the bare name, as the template carries का/की/के.</summary>
    public string CountryOwning(string? iso3) => Language == "hi" ? Country(iso3) : English.Possessive(Country(iso3));

    public string CountryShort(string iso3)
    {
        var name = Country(iso3);
        return name.Length > 22 ? iso3 : name;
    }

    public static string StageName(Stage stage) => Find("Stage_" + stage.ToId()) ?? stage.ToId();

    public static string SourceYear(ConcentrationResult t) =>
        $"{SourceName(t.Key.Source)} {t.Key.Year}{(t.Key.Scenario is null ? "" : " " + t.Key.Scenario)}";

    /// <summary>The brief's title: "India (IND), 2024" or "Japan (JPN), 2030 — projection: IEA base_case", in the current language.</summary>
    public string Title(BriefModel model) => Format(model.Projection is null ? "Brief_Title" : "Brief_TitleProjection",
        Country(model.Perspective), model.Perspective, model.Year, model.Projection);

    public static string SourceName(string source) => source switch
    {
        "cheng2020" => "Cheng et al.",
        "usgs2024" => "USGS (MCS 2024)",
        _ => source.ToUpperInvariant(),
    };

    /// <summary>Every vintage a brief row combines (supply source and year, trade year, WGI year), as in the JSON's <c>vintage.label</c>.</summary>
    public static string Vintage(BriefRow r)
    {
        var k = r.World.Key;
        var label = k.Scenario is null ? Format("Vintage_Supply", RiskRows.SourceName(k.Source), k.Year)
            : Format("Vintage_Projection", RiskRows.SourceName(k.Source), k.Year, k.Scenario);
        return label + (r.Risk.Imports?.Year is { } ty ? " · " + Format("Vintage_Trade", ty) : "")
            + (r.Risk.GlobalGovernance.WgiYear is { } wy ? " · " + Format("Vintage_Wgi", wy) : "");
    }

    /// <summary>The perspective's own share of world supply, or "–" when it is not listed.</summary>
    public static string Domestic(BriefRow r) => r.DomesticShare is { } d ? Pct(d) : "–";

    /// <summary>"Partners of IND (fellow members of MSP, IPEF, QUAD, G7 and accepted registry partnerships): AUS, CAN, … (14 countries)".</summary>
    public static string PartnerLine(PartnerSet partners) =>
        Format("Partners_Line", partners.Country, PartnerDefinitionText(partners),
            partners.Partners.Count == 0 ? Get("Partners_None") : Format("Partners_List", string.Join(", ", partners.Partners.Select(p => p.Iso3)), partners.Partners.Count));

    /// <summary>The partner definition in words: "fellow members of MSP, IPEF and accepted registry partnerships".</summary>
    public static string PartnerDefinitionText(PartnerSet partners) => partners.Frameworks.Count == 0
        ? Get("Partners_DefinitionNoFrameworks")
        : Format("Partners_Definition", string.Join(", ", partners.Frameworks));

    /// <summary>What the brief covers and the perspective rule, in one sentence.</summary>
    public static string CoverageLine(BriefModel model) =>
        // {1} is the owner: "India's" in English, the code in Hindi, whose template carries का/के.
        Format("Coverage_Line", CoverageText(model), Language == "hi" ? model.Perspective : English.Possessive(model.PerspectiveName))
        + (model.Projection is null ? "" : " " + Format("Coverage_Projection", model.Projection, model.Year));

    /// <summary>What the brief covers, in words.</summary>
    public static string CoverageText(BriefModel model) => model.CriticalList is { } list
        ? Format("Coverage_List", Find("List_" + list.Name.Replace(' ', '_')) ?? list.Description, list.Name)
        : Format("Coverage_All", model.Perspective);

    /// <summary>Short findings, most important first, built only from the model's numbers.</summary>
    public IReadOnlyList<string> Headlines(BriefModel model)
    {
        var lines = new List<string>();
        if (model.Rows.Count == 0)
        {
            return [Get("Headline_NoData")];
        }
        var top = model.Rows[0];
        string Of(BriefRow r) => r.Scored.ExcludesOwnOutput ? Format("Headline_WorldOutsideOf", Country(model.Perspective)) : Get("Headline_World");
        lines.Add(Format("Headline_MostExposed", Mineral(top.MineralId), StageName(top.Stage), Country(top.Table.Top1Iso3), Pct(top.Table.Top1Share), Of(top),
            Num(top.Table.Hhi), Num(top.Risk.Score, "0.00"), Vintage(top)));
        var mostConcentrated = model.Rows.MaxBy(r => r.Table.Hhi ?? 0)!;
        if (mostConcentrated != top)
        {
            lines.Add(Format("Headline_MostConcentrated", Mineral(mostConcentrated.MineralId), StageName(mostConcentrated.Stage), Num(mostConcentrated.Table.Hhi),
                Pct(mostConcentrated.Table.Top1Share), Of(mostConcentrated), Country(mostConcentrated.Table.Top1Iso3), Vintage(mostConcentrated)));
        }
        var highly = model.Rows.Count(r => r.Table.Hhi > 2500);
        lines.Add(Format("Headline_HighlyConcentrated", highly, model.Rows.Count));
        var own = model.Rows.Where(r => r.DomesticShare is >= 0.1).OrderByDescending(r => r.DomesticShare).ToList();
        if (own.Count > 0)
        {
            lines.Add(Format("Headline_Domestic", Country(model.Perspective),
                string.Join("; ", own.Take(4).Select(r => Format("Headline_DomesticItem", Pct(r.DomesticShare), Mineral(r.MineralId), StageName(r.Stage), SourceYear(r.World))))
                + (own.Count > 4 ? "; " + Format("Headline_More", own.Count - 4) : "")));
        }
        var bites = model.Rows.Where(r => r.RestrictedWorldShare > 0).OrderByDescending(r => r.RestrictedWorldShare).ToList();
        if (bites.Count > 0)
        {
            var b = bites[0];
            lines.Add(Format("Headline_Restrictions", Mineral(b.MineralId), StageName(b.Stage), Pct(b.RestrictedWorldShare), Of(b),
                string.Join(", ", b.RestrictingProducers.Select(Country)),
                bites.Count == 1 ? Get("Headline_RestrictionsOnly") : Format("Headline_RestrictionsAll", bites.Count)));
        }
        // Only material stages and material suppliers drive a headline (docs/risk.md §4: materiality).
        var imports = model.Rows.Where(r => r.Risk.Imports is { HasImports: true } && r.Risk.IsMaterial && r.Risk.TopMaterialSupplier is not null)
            .OrderByDescending(r => r.Risk.Imports!.Hhi).ToList();
        if (imports.Count > 0)
        {
            var i = imports[0].Risk.Imports!;
            var supplier = imports[0].Risk.TopMaterialSupplier!;
            lines.Add(Format("Headline_Imports", CountryOwning(model.Perspective), Mineral(i.MineralId), StageName(i.Stage), Pct(supplier.Share), Num(supplier.Value),
                i.ContentBasis, Country(supplier.Iso3), i.Year, Num(i.Hhi), Num(i.TotalImports), Pct(i.ShareFromPartners)));
        }
        else
        {
            lines.Add(Get("Headline_NoTrade"));
        }
        return lines;
    }
}
