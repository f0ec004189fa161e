using Khanij.Analytics.Risk;
using Khanij.Application;
using Khanij.Core.Text;
using Spectre.Console;
using static Khanij.Application.Localization.Messages;

namespace Khanij.Cli.Reports;

/// <summary>Prints the brief to the terminal with Spectre.Console.</summary>
internal static class TerminalReport
{
    public static void Write(IAnsiConsole console, BriefModel model, ReportText text, int maxRows = 20)
    {
        console.Write(new Rule($"[bold]{Format("Term_Title", text.Title(model)).Esc()}[/]").LeftJustified());
        console.MarkupLine($"[grey]{ReportText.CoverageLine(model).Esc()}[/]");
        console.WriteLine();
        console.MarkupLine($"[bold]{Get("Section_Findings").Esc()}[/]");
        foreach (var line in text.Headlines(model))
        {
            console.MarkupLine($"  • {line.Esc()}");
        }
        console.WriteLine();

        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Get("Section_Ranked").Esc()}[/] {Get("Term_RankedNote").Esc()}");
        table.AddColumns("#", Get("Col_Mineral"), Get("Col_Stage"), Get("Col_Vintages"), Format("Col_OwnShare", model.Perspective), Get("Col_TopSupplier"),
            Get("Col_Top3"), "HHI", Get("Col_WithoutTop1"), Get("Col_RestrictedShare"), Get("Col_HhiWgiT"), Get("Col_SupplyRisk"));
        foreach (var i in new[] { 0, 4, 6, 7, 8, 9, 10, 11 })
        {
            table.Columns[i].RightAligned();
        }
        var rank = 0;
        foreach (var r in model.Rows.Take(maxRows))
        {
            var t = r.Table;
            var hhiColour = t.Hhi > 2500 ? "red" : t.Hhi > 1500 ? "yellow" : "green";
            table.AddRow((++rank).ToString(System.Globalization.CultureInfo.InvariantCulture), text.Mineral(r.MineralId).Esc(), ReportText.StageName(r.Stage),
                ReportText.Vintage(r).Esc(), ReportText.Domestic(r), $"{text.CountryShort(t.Top1Iso3 ?? "n/a").Esc()} {ReportText.Pct(t.Top1Share)}", ReportText.Pct(t.Top3Share),
                $"[{hhiColour}]{ReportText.Num(t.Hhi)}[/]", ReportText.Pct(t.CoverageWithoutTop1),
                r.RestrictedWorldShare > 0 ? $"[red]{ReportText.Pct(r.RestrictedWorldShare)}[/]" : "–",
                ReportText.Num(r.Risk.GlobalGovernance.HhiWgiT, "0.00"), $"[bold]{ReportText.Num(r.Risk.Score, "0.00")}[/]");
        }
        console.Write(table);

        var bites = model.Rows.Where(r => r.RestrictedWorldShare > 0).ToList();
        if (bites.Count > 0)
        {
            console.MarkupLine($"[bold]{Get("Section_Restrictions").Esc()}[/]");
            foreach (var r in bites)
            {
                var terms = r.Risk.GlobalGovernance.Terms.Where(t => t.RestrictionIds.Count > 0)
                    .Select(t => $"{text.Country(t.Iso3)} {ReportText.Pct(t.Share)} ({string.Join(", ", t.RestrictionIds)})");
                console.MarkupLine($"  • [bold]{text.Mineral(r.MineralId).Esc()} {ReportText.StageName(r.Stage)}[/]: {string.Join("; ", terms).Esc()}");
            }
            console.WriteLine();
        }

        var withImports = model.Rows.Where(r => r.Risk.Imports is { HasImports: true }).ToList();
        if (withImports.Count > 0)
        {
            var imports = new Table().Border(TableBorder.Rounded).Title($"[bold]{Format("Section_Imports", text.Country(model.Perspective)).Esc()}[/] {Get("Term_ImportsNote").Esc()}");
            imports.AddColumns(Get("Col_Mineral"), Get("Col_Stage"), Get("Col_Year"), Get("Col_Imports"), Get("Col_MainPartners"), Get("Col_ImportHhi"),
                Get("Col_FromPartners"), Get("Col_FromRestricting"));
            foreach (var r in withImports)
            {
                var i = r.Risk.Imports!;
                imports.AddRow(text.Mineral(r.MineralId).Esc(), ReportText.StageName(r.Stage), i.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                    $"{ReportText.Num(i.TotalImports)} {i.ContentBasis}".Esc(), MarkdownReport.Partners(i, text).Esc(), ReportText.Num(i.Hhi), ReportText.Pct(i.ShareFromPartners), ReportText.Pct(i.ShareFromRestricting));
            }
            console.Write(imports);
        }

        var matrix = new Table().Border(TableBorder.Rounded).Title($"[bold]{Get("Section_Matrix").Esc()}[/]");
        matrix.AddColumns(Get("Col_Mineral"), Get("Col_SupplyRisk"), Get("Col_DrivingStage"), Get("Term_ImportanceProxy"), Get("Col_DemandGrowth"));
        foreach (var p in model.Matrix.OrderByDescending(p => p.SupplyRisk))
        {
            matrix.AddRow(text.Mineral(p.MineralId).Esc(), ReportText.Num(p.SupplyRisk, "0.00"), ReportText.StageName(p.DrivingStage),
                p.Importance is null ? $"[grey]{Get("Term_NotInData").Esc()}[/]" : ReportText.Num(p.Importance, "0.0"),
                p.DemandGrowth is { } g ? ReportText.Num(g, "0.0") + "×" : Get("NotAvailable"));
        }
        console.Write(matrix);
        console.MarkupLine($"[grey]{MarkdownReport.ProxyStatement().Esc()}[/]");
        console.MarkupLine($"[grey]{ReportText.PartnerLine(model.Partners).Esc()}[/]");
        var own = (model.Own ?? []).Where(o => o.Tonnes is > 0 || o.ReservesT is > 0).ToList();
        if (own.Count > 0)
        {
            console.MarkupLine($"[bold]{Format("Term_OwnHeading", text.CountryOwning(model.Perspective)).Esc()}[/]");
            foreach (var o in own)
            {
                console.MarkupLine($"  • {text.Mineral(o.MineralId).Esc()} ({ReportText.StageName(o.Stage)}): "
                    + (o.Tonnes is > 0 ? Format("Term_OwnProduces", ReportText.Num(o.Tonnes), o.Basis, ReportText.Pct(o.Share), o.Source, o.Year).Esc()
                        : Get("Term_OwnNoProduction").Esc())
                    + (o.ReservesT is > 0 ? $"; {Format("Term_OwnReserves", ReportText.Num(o.ReservesT)).Esc()} [grey]({o.ReservesSource.Esc()})[/]" : ""));
            }
        }
        if (model.MineralsWithoutData.Count > 0)
        {
            console.MarkupLine($"[bold]{Format("Term_WithoutData", text.CountryOwning(model.Perspective), model.MineralsWithoutData.Count).Esc()}[/]");
            foreach (var m in model.MineralsWithoutData)
            {
                console.MarkupLine($"  • {text.Mineral(m).Esc()}: {(Language == "en" ? model.WithoutDataReasons?.GetValueOrDefault(m) ?? Get("Missing_NoProduction") : Get("Missing_NoProduction")).Esc()}");
            }
        }
        if (model.Demand is { } demand)
        {
            console.MarkupLine($"[bold]{demand.Title.Esc()}[/]");
            foreach (var row in demand.Rows)
            {
                var c = Khanij.Application.Demand.DemandBriefSection.Cells(row);
                console.MarkupLine($"  • {Format("Term_DemandRow", text.Mineral(c[0]), c[1], c[2], c[3], c[4], c[5]).Esc()}");
            }
            foreach (var p in demand.Paragraphs.Skip(demand.Rows.Count > 0 ? 1 : 0))
            {
                console.MarkupLine($"  [grey]{p.Esc()}[/]");
            }
        }
        console.MarkupLine($"[grey]{Format("Term_Footer", model.WgiYear, model.Parameters.RestrictionFactor, model.Parameters.PartnerFactor).Esc()}[/]");
    }
}
