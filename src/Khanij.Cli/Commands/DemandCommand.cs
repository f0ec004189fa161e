using System.CommandLine;
using System.Globalization;
using System.Text;
using Khanij.Application.Demand;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij demand</c>: mineral needs of a country's deployment plans and how much of them is secured (docs/demand.md).</summary>
internal static class DemandCommand
{
    public static Command Create(CliContext context)
    {
        var country = new Option<string?>("--country") { Description = "Country (ISO3 or name); default: the scenario file's, else IND." };
        var scenario = new Option<string?>("--scenario")
        {
            Description = "Demand scenario file (JSON; see docs/demand.md). Default: the shipped file for the country in scenarios/demand/.",
        };
        var improvement = new Option<double>("--intensity-improvement")
        {
            Description = "Yearly fall of every BatPaC kg/kWh, as a fraction (0.02 = 2 % a year). Default 0.",
            DefaultValueFactory = _ => 0,
        };
        var baseYear = new Option<int?>("--base-year") { Description = "Year the BatPaC intensities describe (default: the scenario's first year)." };
        var json = new Option<bool>("--json") { Description = "Print the whole report as JSON." };
        var csv = new Option<bool>("--csv") { Description = "Print CSV: one row per mineral and year (need, secured, unsecured, IEA world demand)." };
        var command = new Command("demand",
            "Mineral needs of a country's technology deployment (battery GWh × chemistry mix × BatPaC intensity) per mineral and year, "
            + "beside the IEA's world demand (STEPS/APS/NZE), and the gap against secured supply: domestic production (USGS), registry "
            + "projects and imports from partners. Every figure carries its source. Method: docs/demand.md.")
        {
            country, scenario, improvement, baseYear, json, csv,
        };
        command.SetHandler(context, async (parse, ct) =>
        {
            await using var store = await context.OpenStoreAsync(parse, ct);
            DemandReport report;
            try
            {
                report = await DemandService.RunAsync(new DemandRequest(parse.GetValue(country), parse.GetValue(scenario), parse.GetValue(improvement),
                    parse.GetValue(baseYear)), store, context.Catalogue, context.DataDir, ct);
            }
            catch (DemandInputException e)
            {
                throw new CliException(e.Message);
            }
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(report));
            }
            else if (parse.GetValue(csv))
            {
                context.Out.Write(ToCsv(report));
            }
            else
            {
                Render(context.Console, report);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static string ToCsv(DemandReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("country,mineral,year,need_t,secured_t,unsecured_t,unsecured_is_upper_bound,iea_steps_t,iea_aps_t,iea_nze_t,iea_measure\n");
        foreach (var t in report.Totals)
        {
            var gap = report.Gap.FirstOrDefault(g => g.MineralId == t.MineralId && g.Year == t.Year);
            string World(string s) => report.World.FirstOrDefault(w => w.MineralId == t.MineralId && w.Year == t.Year && w.Scenario == s)?.WorldTonnes
                .ToString("R", inv) ?? "";
            var measure = report.World.FirstOrDefault(w => w.MineralId == t.MineralId && w.Year == t.Year)?.Measure ?? "";
            sb.Append(inv, $"{report.Country},{t.MineralId},{t.Year},{t.Tonnes:R},{gap?.SecuredTonnes:R},{gap?.UnsecuredTonnes:R},")
                .Append(inv, $"{(gap?.IsUpperBound == true ? "true" : "false")},{World("STEPS")},{World("APS")},{World("NZE")},\"{measure}\"\n");
        }
        return sb.ToString();
    }

    private static void Render(IAnsiConsole console, DemandReport r)
    {
        var inv = CultureInfo.InvariantCulture;
        console.MarkupLine($"[bold]{r.Scenario.Esc()}[/] — {r.Country} — {r.ScenarioFile.Esc()}");
        if (r.IntensityImprovement > 0)
        {
            console.MarkupLine(string.Format(inv, "Intensities fall {0:0.##} % a year from {1}.", r.IntensityImprovement * 100, r.BaseYear));
        }
        var years = r.Totals.Select(t => t.Year).Distinct().Order().ToList();
        var needs = new Table().Title("Needs, tonnes of element a year (BatPaC)").AddColumn("mineral");
        foreach (var y in years)
        {
            needs.AddColumn(new TableColumn(y.ToString(inv)).RightAligned());
        }
        needs.AddColumn("by technology");
        foreach (var m in r.Totals.GroupBy(t => t.MineralId))
        {
            var cells = new List<string> { m.Key.Esc() };
            cells.AddRange(years.Select(y => m.FirstOrDefault(t => t.Year == y)?.Tonnes.ToString("#,0", inv) ?? "—"));
            cells.Add(string.Join(", ", m.SelectMany(t => t.ByTechnology.Keys).Distinct()).Esc());
            needs.AddRow(cells.ToArray());
        }
        console.Write(needs);

        if (r.NotComputed.Count > 0)
        {
            console.MarkupLine("[bold]Figures with no need computed[/]");
            foreach (var n in r.NotComputed)
            {
                console.MarkupLine($"  {n.Year} {n.Technology.Esc()} {n.Value.ToString("G6", inv)} {n.Unit.Esc()}: {n.Reason.Esc()} [grey]({n.Citation.Esc()})[/]");
            }
        }

        var world = new Table().Title("Share of IEA world demand").AddColumn("mineral").AddColumn("year").AddColumn(new TableColumn("need t").RightAligned());
        foreach (var s in Khanij.Analytics.Demand.WorldDemand.Scenarios)
        {
            world.AddColumn(new TableColumn(s).RightAligned());
        }
        world.AddColumn("IEA measure");
        foreach (var g in r.World.GroupBy(w => (w.MineralId, w.Year)))
        {
            var cells = new List<string> { g.Key.MineralId.Esc(), g.Key.Year.ToString(inv), g.First().CountryNeedTonnes.ToString("#,0", inv) };
            cells.AddRange(Khanij.Analytics.Demand.WorldDemand.Scenarios.Select(s => g.FirstOrDefault(w => w.Scenario == s) is { } w
                ? $"{w.Share * 100:0.00} % of {w.WorldTonnes:#,0}" : "—"));
            cells.Add(g.First().Measure.Esc());
            world.AddRow(cells.ToArray());
        }
        console.Write(world);
        foreach (var m in r.WorldMissing)
        {
            console.MarkupLine($"  [grey]{m.Esc()}[/]");
        }

        var gap = new Table().Title("Needs against secured supply, tonnes a year").AddColumn("mineral").AddColumn("year")
            .AddColumn(new TableColumn("need").RightAligned()).AddColumn(new TableColumn("secured").RightAligned())
            .AddColumn(new TableColumn("unsecured").RightAligned()).AddColumn("secured from (basis)");
        foreach (var g in r.Gap)
        {
            var parts = g.Items.Where(i => i.Counted).Select(i => $"{i.Label}: {i.Tonnes!.Value.ToString("#,0", inv)} t ({i.Basis})").ToList();
            // Items left out for the same reason are listed once, with the labels together.
            parts.AddRange(g.Items.Where(i => !i.Counted).GroupBy(i => (i.Kind, i.NotCounted))
                .Select(x => $"{string.Join(", ", x.Select(i => i.Label))}: not counted — {x.Key.NotCounted}"));
            var unsecured = g.UnsecuredTonnes == 0 ? "0 (covered)" : (g.IsUpperBound ? "≤ " : "") + g.UnsecuredTonnes.ToString("#,0", inv);
            gap.AddRow(g.MineralId.Esc(), g.Year.ToString(inv), g.NeedTonnes.ToString("#,0", inv), g.SecuredTonnes.ToString("#,0", inv),
                unsecured, string.Join("\n", parts).Esc());
        }
        console.Write(gap);

        console.MarkupLine("[bold]Sources[/]");
        foreach (var s in r.Sources)
        {
            console.MarkupLine($"  [[{s.Id.Esc()}]] {s.Citation.Esc()}{(s.Url is null ? "" : " " + s.Url.Esc())}");
        }
        foreach (var o in r.Omitted)
        {
            console.MarkupLine($"  [grey]left out: {o.Esc()}[/]");
        }
        foreach (var n in r.Notes)
        {
            console.MarkupLine($"  [grey]{n.Esc()}[/]");
        }
    }
}
