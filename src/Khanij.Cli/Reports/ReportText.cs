using Khanij.Application;
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

    /// <summary>Short findings, most important first, built only from the model's numbers.</summary>
    public IReadOnlyList<string> Headlines(BriefModel model)
    {
        var lines = new List<string>();
        if (model.Rows.Count == 0)
        {
            return ["No supply data in the store: run `khanij data import` (or any verb, which creates the store) first."];
        }
        var top = model.Rows[0];
        lines.Add($"Most exposed: {Mineral(top.MineralId)} at the {StageName(top.Stage)} stage. {Country(top.Table.Top1Iso3)} supplies "
            + $"{Pct(top.Table.Top1Share)} of world output (HHI {Num(top.Table.Hhi)}; supply-risk score {Num(top.Risk.Score, "0.00")}).");
        var mostConcentrated = model.Rows.MaxBy(r => r.Table.Hhi ?? 0)!;
        if (mostConcentrated != top)
        {
            lines.Add($"Most concentrated: {Mineral(mostConcentrated.MineralId)} {StageName(mostConcentrated.Stage)}, HHI "
                + $"{Num(mostConcentrated.Table.Hhi)}, {Pct(mostConcentrated.Table.Top1Share)} from {Country(mostConcentrated.Table.Top1Iso3)}.");
        }
        var highly = model.Rows.Count(r => r.Table.Hhi > 2500);
        lines.Add($"{highly} of {model.Rows.Count} mineral-stage supplies are highly concentrated (HHI above 2 500).");
        var bites = model.Rows.Where(r => r.RestrictedWorldShare > 0).OrderByDescending(r => r.RestrictedWorldShare).ToList();
        if (bites.Count > 0)
        {
            var b = bites[0];
            lines.Add($"Restrictions bite hardest on {Mineral(b.MineralId)} {StageName(b.Stage)}: {Pct(b.RestrictedWorldShare)} of world supply comes "
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
