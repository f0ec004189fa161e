using Khanij.Application;
using System.CommandLine;
using Khanij.Analytics.Risk;
using Khanij.Cli.Reports;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij brief</c>: the ranked exposure brief for one country, printed and written as HTML and Markdown with charts.</summary>
internal static class BriefCommand
{
    public static Command Create(CliContext context)
    {
        var country = new Option<string>("--country")
        {
            Description = "Country whose exposure is assessed (ISO3 or name in English or Hindi).",
            DefaultValueFactory = _ => "IND",
        };
        var year = new Option<int>("--year")
        {
            Description = "Year of supply data (the latest earlier year is used where a mineral and stage has none).",
            DefaultValueFactory = _ => 2024,
        };
        var output = new Option<string>("--out")
        {
            Description = "Directory for report.html, report.md and charts/ (created if missing).",
            DefaultValueFactory = _ => "khanij-brief",
        };
        var json = new Option<bool>("--json") { Description = "Print the ranked rows as JSON (as `khanij risk --json`) instead of the terminal report; files are still written." };
        var options = new RiskOptions();
        var command = new Command("brief",
            "The main job: a ranked account of a country's critical-mineral exposure across every mineral with data (what is most concentrated, "
            + "at which stage, where export restrictions bite, which partners supply what, the criticality matrix). Prints the brief and writes "
            + "report.html (self-contained) and report.md with charts to --out. Method: docs/risk.md.\n\n" + ExitCodes.HelpText)
        {
            country, year, output, json,
        };
        options.AddTo(command);
        command.SetHandler(context, async (parse, ct) =>
        {
            var parameters = options.Read(parse, context.Catalogue);
            var perspective = RiskCommand.ResolveCountry(context, parse.GetValue(country)!);
            var outDir = Path.GetFullPath(parse.GetValue(output)!);
            await using var store = await context.OpenStoreAsync(parse, ct);
            var inputs = await RiskInputsLoader.LoadAsync(store, ct);
            RiskOptions.CheckYears(parameters, inputs);
            var partners = await PartnerSources.ForAsync(store, context.Catalogue, perspective, parameters, ct);
            var model = BriefBuilder.Build(inputs, context.Catalogue, perspective, parse.GetValue(year), partners, parameters);
            if (model.Rows.Count == 0)
            {
                throw new CliException($"No supply data up to {parse.GetValue(year)} in the store {store.DbPath}; run `khanij data import` and try again.");
            }
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
                context.Out.WriteLine(CliJson.Serialize(model.Rows.Select(r => RiskRows.From(r.Risk, inputs.PublishedTop3(r.Table.Key)))));
                return ExitCodes.Ok;
            }
            TerminalReport.Write(context.Console, model, text);
            context.Console.MarkupLine($"Wrote [blue]{files.Html.Esc()}[/] and [blue]{files.Markdown.Esc()}[/] (charts in {Path.Combine(outDir, "charts").Esc()}).");
            return ExitCodes.Ok;
        });
        return command;
    }
}
