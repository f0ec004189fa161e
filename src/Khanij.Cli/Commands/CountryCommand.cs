using System.CommandLine;
using System.Globalization;
using Khanij.Application.Sheets;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij country C</c>: the country profile (service: <see cref="CountryProfileService"/>).</summary>
internal static class CountryCommand
{
    public static Command Create(CliContext context)
    {
        var country = new Argument<string>("COUNTRY") { Description = "ISO3 code or name (e.g. JPN, Japan, जापान)." };
        var json = new Option<bool>("--json") { Description = "Print the profile as JSON." };
        var command = new Command("country",
            "One country's profile: its production and reserves by mineral, its imports and their partners (with the pack's coverage gaps named), "
            + "the export restrictions it imposes and faces, and its frameworks and accepted partnerships; each figure with its source.")
        {
            country, json,
        };
        command.SetHandler(context, async (parse, ct) =>
        {
            await using var store = await context.OpenStoreAsync(parse, ct);
            var profile = ServiceErrors.ValueOrThrow(
                await CountryProfileService.RunAsync(store, context.Catalogue, new CountryProfileRequest(parse.GetValue(country)!), ct), "country");
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(profile));
                return ExitCodes.Ok;
            }
            Render(context.Console, profile);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, CountryProfile p)
    {
        var inv = CultureInfo.InvariantCulture;
        console.MarkupLine($"[bold]{p.Name.EscapeMarkup()}[/] ({p.Iso3})");
        if (p.Production.Count > 0)
        {
            var table = new Table().Title("Production (latest year of each source)").AddColumns("mineral", "stage", "measure", "source", "year")
                .AddColumn(new TableColumn("tonnes").RightAligned()).AddColumn(new TableColumn("world share").RightAligned()).AddColumn("basis");
            foreach (var r in p.Production)
            {
                table.AddRow(r.MineralId, r.Stage, r.Measure.EscapeMarkup(), r.Source, r.Year.ToString(inv), MineralSheetService.Tonnes(r.Tonnes),
                    r.WorldShare?.ToString("P1", inv) ?? "", r.Basis.EscapeMarkup());
            }
            console.Write(table);
        }
        else
        {
            console.MarkupLine("Production: none listed by country in the pack.");
        }
        if (p.Reserves.Count > 0)
        {
            console.MarkupLine("Reserves: " + string.Join("; ", p.Reserves.Where(r => r.Tonnes is not null)
                .Select(r => $"{r.MineralId} {MineralSheetService.Tonnes(r.Tonnes)} t ({r.Source})")).EscapeMarkup());
        }
        foreach (var i in p.Imports)
        {
            console.MarkupLine($"Imports {i.MineralId} {i.Stage} {i.Year}: {MineralSheetService.Tonnes(i.Tonnes)} t {(i.ContentBasis ?? "").EscapeMarkup()} (HS {i.HsCodes.EscapeMarkup()}) — "
                + string.Join(", ", i.Partners.Take(4).Select(x => $"{x.Partner} {x.Share.ToString("P0", inv)}")).EscapeMarkup());
        }
        foreach (var source in p.Imports.Select(i => i.Source).Distinct())
        {
            console.MarkupLine($"[grey]source: {source.EscapeMarkup()}; tonnes of contained mineral by the content factors of data/catalogue/hs_codes.csv, "
                + "basket and scrap codes left out (khanij risk shows each import profile's notes)[/]");
        }
        foreach (var g in p.Extracts.Where(e => e.Flow == "import" && e.QuantityT is not null).GroupBy(e => (e.Source, e.HsCode)))
        {
            var latest = g.Max(e => e.Year);
            console.MarkupLine($"Imports HS {g.Key.HsCode} {latest} ({g.Key.Source}): "
                + string.Join(", ", g.Where(e => e.Year == latest).Select(e => $"from {e.PartnerIso3 ?? "World"} {MineralSheetService.Tonnes(e.QuantityT)} t")).EscapeMarkup());
        }
        foreach (var gap in p.ImportGaps)
        {
            console.MarkupLine($"[yellow]coverage:[/] {gap.EscapeMarkup()}");
        }
        foreach (var r in p.Imposes)
        {
            console.MarkupLine($"Imposes {r.Id.EscapeMarkup()}: {r.Measure} on {string.Join(", ", r.MineralIds).EscapeMarkup()} ({r.Status}, {r.Effective.EscapeMarkup()})");
        }
        foreach (var r in p.Faces)
        {
            console.MarkupLine($"Faces {r.Id.EscapeMarkup()}: {r.Iso3} {r.Measure} on {string.Join(", ", r.MineralIds).EscapeMarkup()} ({r.Status}; target {r.Target.EscapeMarkup()})");
        }
        console.MarkupLine($"Frameworks: {(p.Frameworks.Count == 0 ? "none in the catalogue" : string.Join(", ", p.Frameworks)).EscapeMarkup()}");
        console.MarkupLine($"Accepted partnerships in the registry: {(p.Partnerships.Count == 0 ? "none" : string.Join(", ", p.Partnerships.Select(x => $"{x.Partner} ({x.Basis})"))).EscapeMarkup()}");
    }
}
