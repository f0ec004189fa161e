using System.CommandLine;
using System.Globalization;
using Khanij.Application.Sheets;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij mineral M</c>: the mineral sheet (service: <see cref="MineralSheetService"/>).</summary>
internal static class MineralCommand
{
    public static Command Create(CliContext context)
    {
        var mineral = new Argument<string>("MINERAL") { Description = "Mineral id, English or Hindi name, or symbol (e.g. germanium, niobium, लिथियम)." };
        var country = new Option<string>("--country") { Description = "Whose trade to show (ISO3 or name).", DefaultValueFactory = _ => "IND" };
        var source = new Option<string?>("--source") { Description = "Only this source id (see 'khanij data sources'); default: every source side by side." };
        var json = new Option<bool>("--json") { Description = "Print the sheet as JSON." };
        var command = new Command("mineral",
            "One mineral's sheet: production by country over every year of every source (side by side, never summed), reserves, the country's "
            + "imports and partial trade extracts with their coverage, export restrictions, recycling, IEA demand and reported facts, each with "
            + "its source; ends with what the pack does not have.")
        {
            mineral, country, source, json,
        };
        command.SetHandler(context, async (parse, ct) =>
        {
            var request = new MineralSheetRequest(parse.GetValue(mineral)!, parse.GetValue(country), parse.GetValue(source));
            await using var store = await context.OpenStoreAsync(parse, ct);
            var sheet = ServiceErrors.ValueOrThrow(await MineralSheetService.RunAsync(store, context.Catalogue, request, ct), "mineral");
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(sheet));
                return ExitCodes.Ok;
            }
            Render(context.Console, sheet);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, MineralSheet s)
    {
        var inv = CultureInfo.InvariantCulture;
        console.MarkupLine($"[bold]{s.Name.EscapeMarkup()}[/] ({s.MineralId}) — lists: {(s.Lists.Count == 0 ? "none" : string.Join(", ", s.Lists))}; "
            + $"HS codes: {(s.HsCodes.Count == 0 ? "none" : string.Join(" ", s.HsCodes))}");
        foreach (var series in s.Production)
        {
            var table = new Table().Title($"{series.Stage}: {series.Measure} [[{series.Source}]]")
                .AddColumn("place");
            foreach (var y in series.Years)
            {
                table.AddColumn(new TableColumn(y.ToString(inv)).RightAligned());
            }
            foreach (var row in series.Rows.Take(12))
            {
                table.AddRow([row.Place.EscapeMarkup(), .. row.Values.Select(v => MineralSheetService.Tonnes(v))]);
            }
            if (series.Rows.Count > 12)
            {
                table.Caption($"{series.Rows.Count - 12} more places in --json");
            }
            console.Write(table);
            console.MarkupLine($"[grey]tonnes, {series.Basis.EscapeMarkup()}; source: {series.Edition.EscapeMarkup()}, {string.Join(", ", series.Files).EscapeMarkup()}"
                + $"{(series.HasEstimates ? "; includes estimates" : "")}; — = withheld or absent[/]");
        }
        foreach (var r in s.Reserves)
        {
            var countries = r.Rows.Where(x => x.IsCountry && x.Tonnes is not null).Take(6).Select(x => $"{x.Place} {MineralSheetService.Tonnes(x.Tonnes)}");
            var world = r.Rows.FirstOrDefault(x => x.Place == "(world_total)");
            console.MarkupLine($"Reserves ({r.Source}, {r.Edition}; t, {r.Basis}): {string.Join(", ", countries)}"
                .EscapeMarkup() + (world is null ? "" : $"; world {MineralSheetService.Tonnes(world.Tonnes)}"));
        }
        var t = s.Trade;
        foreach (var i in t.Imports)
        {
            console.MarkupLine($"{s.Perspective} imports, {i.Stage} {i.Year}: {MineralSheetService.Tonnes(i.Tonnes)} t {(i.ContentBasis ?? "").EscapeMarkup()} "
                + $"(HS {i.HsCodes.EscapeMarkup()}) — " + string.Join(", ", i.Partners.Take(5).Select(p => $"{p.Partner} {p.Share.ToString("P0", inv)}")).EscapeMarkup());
            console.MarkupLine($"[grey]source: {i.Source.EscapeMarkup()}; tonnes of contained mineral (content factors of data/catalogue/hs_codes.csv). "
                + $"{string.Join(" ", i.Notes).EscapeMarkup()}[/]");
        }
        foreach (var g in t.Extracts.Where(e => e.Flow == "import").GroupBy(e => (e.Source, e.Year)).OrderByDescending(g => g.Key.Year).Take(1))
        {
            console.MarkupLine($"{s.Perspective} imports {g.Key.Year} (partial extract {g.Key.Source}): "
                + string.Join(", ", g.Select(e => $"HS {e.HsCode} from {e.PartnerIso3 ?? "World"} {MineralSheetService.Tonnes(e.QuantityT)} t")).EscapeMarkup());
        }
        foreach (var c in t.Coverage)
        {
            console.MarkupLine($"[grey]coverage: {c.EscapeMarkup()}[/]");
        }
        foreach (var r in s.Restrictions)
        {
            console.MarkupLine($"Restriction {r.Id.EscapeMarkup()}: {r.Iso3} {r.Measure.EscapeMarkup()} ({r.Status}, from {r.Effective.EscapeMarkup()}) — {r.Scope.EscapeMarkup()}");
        }
        console.MarkupLine($"Recycling: {(s.Recycling.RatePercent is null ? s.Recycling.Basis : s.Recycling.Basis).EscapeMarkup()}");
        if (s.Recycling.EolRrRange.Length + s.Recycling.RcRange.Length > 0)
        {
            console.MarkupLine($"[grey]UNEP (2011) as printed — EOL-RR: {s.Recycling.EolRrRange.EscapeMarkup()}; RC: {s.Recycling.RcRange.EscapeMarkup()}[/]");
        }
        foreach (var d in s.Demand.Where(d => d.Scenario is "Historical" or "STEPS").Take(6))
        {
            var what = d.Table == "total_demand" ? "all uses" : d.Table == "cleantech_demand_by_mineral" ? "clean-technology uses only" : d.Table;
            console.MarkupLine($"IEA demand {d.Scenario} {d.Year}: {MineralSheetService.Tonnes(d.Tonnes)} t ({what.EscapeMarkup()}; {d.Source.EscapeMarkup()})");
        }
        foreach (var f in s.ReportedFacts)
        {
            console.MarkupLine($"Reported: {f.Item.EscapeMarkup()} = {f.Value.EscapeMarkup()} {f.Unit.EscapeMarkup()} ({f.Publisher.EscapeMarkup()}, confidence {f.Confidence})");
        }
        if (s.Missing.Count > 0)
        {
            console.MarkupLine("[yellow]Not in the pack:[/]");
            foreach (var m in s.Missing)
            {
                console.MarkupLine($"  - {m.EscapeMarkup()}");
            }
        }
    }
}
