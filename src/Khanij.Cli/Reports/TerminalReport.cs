using Khanij.Analytics.Risk;
using Khanij.Application;
using Khanij.Core.Text;
using Spectre.Console;

namespace Khanij.Cli.Reports;

/// <summary>Prints the brief to the terminal with Spectre.Console.</summary>
internal static class TerminalReport
{
    public static void Write(IAnsiConsole console, BriefModel model, ReportText text, int maxRows = 20)
    {
        console.Write(new Rule($"[bold]Khanij brief: {model.Title.Esc()}[/]").LeftJustified());
        console.MarkupLine($"[grey]{ReportText.CoverageLine(model).Esc()}[/]");
        console.WriteLine();
        console.MarkupLine("[bold]Key findings[/]");
        foreach (var line in text.Headlines(model))
        {
            console.MarkupLine($"  • {line.Esc()}");
        }
        console.WriteLine();

        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Ranked exposure[/] (EU-style supply risk, higher = riskier)");
        table.AddColumns("#", "mineral", "stage", "data (vintages)", $"{model.Perspective} own", "top supplier", "top-3", "HHI", "w/o top-1", "restricted", "HHI wgi,t", "risk");
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
            console.MarkupLine("[bold]Where restrictions bite[/]");
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
            var imports = new Table().Border(TableBorder.Rounded).Title($"[bold]Who supplies {model.PerspectiveName.Esc()}[/] (ITC Trade Map; t of contained mineral; * = partner)");
            imports.AddColumns("mineral", "stage", "year", "imports (t)", "main partners", "import HHI", "from partners", "from restricting");
            foreach (var r in withImports)
            {
                var i = r.Risk.Imports!;
                imports.AddRow(text.Mineral(r.MineralId).Esc(), ReportText.StageName(r.Stage), i.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                    $"{ReportText.Num(i.TotalImports)} {i.ContentBasis}".Esc(), MarkdownReport.Partners(i, text).Esc(), ReportText.Num(i.Hhi), ReportText.Pct(i.ShareFromPartners), ReportText.Pct(i.ShareFromRestricting));
            }
            console.Write(imports);
        }

        var matrix = new Table().Border(TableBorder.Rounded).Title("[bold]Criticality matrix[/]");
        matrix.AddColumns("mineral", "supply risk", "stage", "importance (proxy)", "demand growth");
        foreach (var p in model.Matrix.OrderByDescending(p => p.SupplyRisk))
        {
            matrix.AddRow(text.Mineral(p.MineralId).Esc(), ReportText.Num(p.SupplyRisk, "0.00"), ReportText.StageName(p.DrivingStage),
                p.Importance is null ? "[grey]not in data[/]" : ReportText.Num(p.Importance, "0.0"),
                p.DemandGrowth is { } g ? ReportText.Num(g, "0.0") + "×" : "n/a");
        }
        console.Write(matrix);
        console.MarkupLine($"[grey]{Criticality.ProxyStatement.Esc()}[/]");
        console.MarkupLine($"[grey]{ReportText.PartnerLine(model.Partners).Esc()}[/]");
        var own = (model.Own ?? []).Where(o => o.Tonnes is > 0 || o.ReservesT is > 0).ToList();
        if (own.Count > 0)
        {
            console.MarkupLine($"[bold]{English.Possessive(model.PerspectiveName).Esc()} own production and reserves beside its exposure[/]");
            foreach (var o in own)
            {
                console.MarkupLine($"  • {text.Mineral(o.MineralId).Esc()} ({ReportText.StageName(o.Stage)}): "
                    + (o.Tonnes is > 0 ? $"produces {ReportText.Num(o.Tonnes)} t {o.Basis.Esc()} ({ReportText.Pct(o.Share)} of world, {o.Source} {o.Year})" : "no listed production")
                    + (o.ReservesT is > 0 ? $"; reserves {ReportText.Num(o.ReservesT)} t [grey]({o.ReservesSource.Esc()})[/]" : ""));
            }
        }
        if (model.MineralsWithoutData.Count > 0)
        {
            console.MarkupLine($"[bold]On {English.Possessive(model.PerspectiveName).Esc()} critical list without data to rank ({model.MineralsWithoutData.Count})[/]");
            foreach (var m in model.MineralsWithoutData)
            {
                console.MarkupLine($"  • {text.Mineral(m).Esc()}: {(model.WithoutDataReasons?.GetValueOrDefault(m) ?? "no production data in the pack").Esc()}");
            }
        }
        if (model.Demand is { } demand)
        {
            console.MarkupLine($"[bold]{demand.Title.Esc()}[/]");
            foreach (var row in demand.Rows)
            {
                var c = Khanij.Application.Demand.DemandBriefSection.Cells(row);
                console.MarkupLine($"  • {c[0].Esc()} {c[1]}: need {c[2]} t, secured {c[3]} t, unsecured {c[4].Esc()} t; {c[5].Esc()} of IEA STEPS world demand");
            }
            foreach (var p in demand.Paragraphs.Skip(demand.Rows.Count > 0 ? 1 : 0))
            {
                console.MarkupLine($"  [grey]{p.Esc()}[/]");
            }
        }
        console.MarkupLine($"[grey]WGI {model.WgiYear}; restriction factor t = {model.Parameters.RestrictionFactor}; partner factor {model.Parameters.PartnerFactor}; "
            + "missing inputs are listed in the report. Method: docs/risk.md.[/]");
    }
}
