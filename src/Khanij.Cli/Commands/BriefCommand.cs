using Khanij.Application;
using System.CommandLine;
using Khanij.Application.Services;
using Khanij.Cli.Reports;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij brief</c>: the ranked exposure brief for one country, printed and written as HTML and Markdown with charts.</summary>
internal static class BriefCommand
{
    public static Command Create(CliContext context)
    {
        var country = new Option<string?>("--country")
        {
            Description = $"Country whose exposure is assessed (ISO3 or name in English or Hindi; default {RiskService.DefaultCountry}). Its own output is "
                + "shown as domestic supply, never as exposure; the brief covers its critical-minerals list (India 2023, EU 2023 for EU members, "
                + "US 2022), or every mineral with data for a country without one.",
        };
        var year = new Option<int?>("--year")
        {
            Description = $"Year of supply data (default {BriefService.DefaultYear}; the latest earlier observed year is used where a mineral and stage "
                + "has none). A year after the observed data uses a projection (IEA base_case 2030, 2035, 2040), named in the title and every "
                + "row; a year with neither is refused.",
        };
        var scenario = new Option<string?>("--scenario") { Description = "Projection scenario for a projection year, when several cover it." };
        var output = new Option<string>("--out")
        {
            Description = "Directory for report.html, report.md and charts/ (created if missing).",
            DefaultValueFactory = _ => "khanij-brief",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print the brief as JSON (the document of GET /api/brief: ranked rows as `khanij risk --json`, matrix, partners, "
                + "coverage) instead of the terminal report; files are still written.",
        };
        var options = new RiskOptions();
        var command = new Command("brief",
            "The main job: a ranked account of a country's critical-mineral exposure across every mineral with data (what is most concentrated, "
            + "at which stage, where export restrictions bite, which partners supply what, the criticality matrix). Prints the brief and writes "
            + "report.html (self-contained) and report.md with charts to --out. Method: docs/risk.md.")
        {
            country, year, scenario, output, json,
        };
        options.AddTo(command);
        command.SetHandler(context, async (parse, ct) =>
        {
            var outDir = Path.GetFullPath(parse.GetValue(output)!);
            await using var store = await context.OpenStoreAsync(parse, ct);
            var inputs = await RiskInputsLoader.LoadAsync(store, ct);
            var request = new BriefRequest(parse.GetValue(country), parse.GetValue(year), parse.GetValue(scenario), options.Read(parse));
            var result = ServiceErrors.ValueOrThrow(await BriefService.RunAsync(store, inputs, context.Catalogue, request, ct, context.DataDir));
            var model = result.Model;
            var text = new ReportText(context.Catalogue);
            (string Html, string Markdown) files;
            try
            {
                files = BriefWriter.Write(model, text, outDir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot write the brief to '{outDir}': {e.Message} Expected a writable directory (--out DIR).");
            }
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(result.Document));
                return ExitCodes.Ok;
            }
            TerminalReport.Write(context.Console, model, text);
            context.Console.MarkupLine($"Wrote [blue]{files.Html.Esc()}[/] and [blue]{files.Markdown.Esc()}[/] (charts in {Path.Combine(outDir, "charts").Esc()}).");
            return ExitCodes.Ok;
        });
        return command;
    }
}
