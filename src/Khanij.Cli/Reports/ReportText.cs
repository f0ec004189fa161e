using Khanij.Application;
using Khanij.Application.Services;
using System.Globalization;
using Khanij.Analytics.Risk;
using Khanij.Core;
using Khanij.Core.Catalogue;

namespace Khanij.Cli.Reports;

/// <summary>Formatting and the generated sentences shared by the terminal, Markdown and HTML reports (one wording everywhere).</summary>
internal sealed class ReportText(KhanijCatalogue catalogue)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Pct(double? share) => share switch
    {
        null => "n/a",
        > 0 and < 0.0005 => "<0.1 %",
        { } s => (100 * s).ToString("0.0", Inv) + " %",
    };

    public static string Num(double? value, string format = "0") => value is { } v ? v.ToString(format, Inv) : "n/a";

    /// <summary>The catalogue name, or for ids outside the catalogue (e.g. Cheng's cathode products) a readable form of the id.</summary>
    public string Mineral(string id) => catalogue.MineralById(id)?.NameEn
        ?? string.Join(" ", id.Split('_').Select(w => w.Length <= 3 ? w.ToUpperInvariant() : w));

    /// <summary>A display name: the ISO name, or a common short alias when the ISO name is long or inverted ("Korea, Republic of").</summary>
    public string Country(string? iso3)
    {
        if (iso3 is null)
        {
            return "n/a";
        }
        if (catalogue.CountryByIso3(iso3) is not { } c)
        {
            return iso3;
        }
        return c.DisplayName;
    }

    public string CountryShort(string iso3)
    {
        var name = Country(iso3);
        return name.Length > 22 ? iso3 : name;
    }

    public static string StageName(Stage stage) => stage.ToId();

    public static string SourceYear(ConcentrationResult t) =>
        $"{SourceName(t.Key.Source)} {t.Key.Year}{(t.Key.Scenario is null ? "" : " " + t.Key.Scenario)}";

    public static string SourceName(string source) => source switch
    {
        "cheng2020" => "Cheng et al.",
        "usgs2024" => "USGS (MCS 2024)",
        _ => source.ToUpperInvariant(),
    };

    /// <summary>Every vintage a brief row combines (supply source and year, trade year, WGI year), as in the JSON's <c>vintage.label</c>.</summary>
    public static string Vintage(BriefRow r) => RiskRows.Vintage(r.World, r.Risk.Imports?.Year, r.Risk.GlobalGovernance.WgiYear).Label;

    /// <summary>The perspective's own share of world supply, or "–" when it is not listed.</summary>
    public static string Domestic(BriefRow r) => r.DomesticShare is { } d ? Pct(d) : "–";

    /// <summary>"Partners of IND (fellow members of MSP, IPEF, QUAD, G7 and accepted registry partnerships): AUS, CAN, … (14 countries)".</summary>
    public static string PartnerLine(PartnerSet partners) =>
        $"Partners of {partners.Country} ({partners.Definition}): "
        + (partners.Partners.Count == 0 ? "none" : string.Join(", ", partners.Partners.Select(p => p.Iso3)) + $" ({partners.Partners.Count} countries)") + ".";

    /// <summary>What the brief covers and the perspective rule, in one sentence.</summary>
    public static string CoverageLine(BriefModel model) =>
        $"Covers {model.Coverage}. {model.Perspective}'s own output is domestic supply, not exposure: concentration, governance, restrictions and risk "
        + $"are over the rest of the world's supply and {model.Perspective}'s imports."
        + (model.Projection is null ? "" : $" Supply figures are the {model.Projection} projection for {model.Year}, not observations; trade and WGI are observed years.");

    /// <summary>Short findings, most important first, built only from the model's numbers.</summary>
    public IReadOnlyList<string> Headlines(BriefModel model)
    {
        var lines = new List<string>();
        if (model.Rows.Count == 0)
        {
            return ["No supply data in the store: run `khanij data import` (or any verb, which creates the store) first."];
        }
        var top = model.Rows[0];
        string Of(BriefRow r) => r.Scored.ExcludesOwnOutput ? $"world output outside {Country(model.Perspective)}" : "world output";
        lines.Add($"Most exposed: {Mineral(top.MineralId)} at the {StageName(top.Stage)} stage. {Country(top.Table.Top1Iso3)} supplies "
            + $"{Pct(top.Table.Top1Share)} of {Of(top)} (HHI {Num(top.Table.Hhi)}; supply-risk score {Num(top.Risk.Score, "0.00")}; {Vintage(top)}).");
        var mostConcentrated = model.Rows.MaxBy(r => r.Table.Hhi ?? 0)!;
        if (mostConcentrated != top)
        {
            lines.Add($"Most concentrated: {Mineral(mostConcentrated.MineralId)} {StageName(mostConcentrated.Stage)}, HHI "
                + $"{Num(mostConcentrated.Table.Hhi)}, {Pct(mostConcentrated.Table.Top1Share)} of {Of(mostConcentrated)} from "
                + $"{Country(mostConcentrated.Table.Top1Iso3)} ({Vintage(mostConcentrated)}).");
        }
        var highly = model.Rows.Count(r => r.Table.Hhi > 2500);
        lines.Add($"{highly} of {model.Rows.Count} mineral-stage supplies are highly concentrated (HHI above 2 500).");
        var own = model.Rows.Where(r => r.DomesticShare is >= 0.1).OrderByDescending(r => r.DomesticShare).ToList();
        if (own.Count > 0)
        {
            lines.Add($"Domestic supply (not counted as exposure): {Country(model.Perspective)} itself produces "
                + string.Join("; ", own.Take(4).Select(r => $"{Pct(r.DomesticShare)} of world {Mineral(r.MineralId)} ({StageName(r.Stage)}, {SourceYear(r.World)})"))
                + (own.Count > 4 ? $"; {own.Count - 4} more" : "") + ".");
        }
        var bites = model.Rows.Where(r => r.RestrictedWorldShare > 0).OrderByDescending(r => r.RestrictedWorldShare).ToList();
        if (bites.Count > 0)
        {
            var b = bites[0];
            lines.Add($"Restrictions bite hardest on {Mineral(b.MineralId)} {StageName(b.Stage)}: {Pct(b.RestrictedWorldShare)} of {Of(b)} comes "
                + $"from {string.Join(", ", b.RestrictingProducers.Select(Country))}, with export restrictions in force "
                + (bites.Count == 1 ? "(the only mineral-stage supply affected)." : $"({bites.Count} mineral-stage supplies are affected in all)."));
        }
        // Only material stages and material suppliers drive a headline (docs/risk.md §4: materiality).
        var imports = model.Rows.Where(r => r.Risk.Imports is { HasImports: true } && r.Risk.IsMaterial && r.Risk.TopMaterialSupplier is not null)
            .OrderByDescending(r => r.Risk.Imports!.Hhi).ToList();
        if (imports.Count > 0)
        {
            var i = imports[0].Risk.Imports!;
            var supplier = imports[0].Risk.TopMaterialSupplier!;
            lines.Add($"{Country(model.Perspective)}'s most concentrated imports: {Mineral(i.MineralId)} {StageName(i.Stage)} products, "
                + $"{Pct(supplier.Share)} ({Num(supplier.Value)} t of {i.ContentBasis}) from {Country(supplier.Iso3)} in {i.Year} (import HHI {Num(i.Hhi)}; "
                + $"{Num(i.TotalImports)} t imported in all, ITC Trade Map); {Pct(i.ShareFromPartners)} of it from partner countries.");
        }
        else
        {
            lines.Add("No bilateral trade data covers these minerals for this country: import-side measures are not available.");
        }
        return lines;
    }
}
