using Khanij.Application;
using Khanij.Application.Diagnostics;
using System.CommandLine;
using Khanij.Application.Services;
using Khanij.Cli.Reports;
using Khanij.Application.Localization;
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
        var lang = new Option<string>("--lang")
        {
            Description = "Language of the report files (and the terminal summary's generated sentences): en or hi. Hindi uses CLDR's common "
                + "country names, the catalogue's Hindi mineral names and Indian digit grouping.",
            DefaultValueFactory = _ => "en",
        };
        lang.AcceptOnlyFromAmong([.. Messages.Languages]);
        var format = new Option<string[]>("--format")
        {
            Description = "Files to write: html, md, pdf (repeatable; default html and md). pdf prints report.html with headless Chromium "
                + "(KHANIJ_CHROMIUM or chromium on the PATH), so report.html is written beside it.",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => ["html", "md"],
        };
        format.AcceptOnlyFromAmong("html", "md", "pdf");
        var options = new RiskOptions();
        var command = new Command("brief",
            "The main job: a ranked account of a country's critical-mineral exposure across every mineral with data (what is most concentrated, "
            + "at which stage, where export restrictions bite, which partners supply what, the criticality matrix). Prints the brief and writes "
            + "report.html (self-contained) and report.md with charts to --out. Method: docs/risk.md.")
        {
            country, year, scenario, output, json, lang, format,
        };
        options.AddTo(command);
        command.SetHandler(context, async (parse, ct) =>
        {
            PhaseTimes.Mark("brief: handler");
            var outDir = Path.GetFullPath(parse.GetValue(output)!);
            // The catalogue (CSV files) loads on a worker while the store opens.
            var catalogue = Task.Run(() => context.Catalogue, ct);
            await using var store = await context.OpenStoreAsync(parse, ct);
            PhaseTimes.Mark("brief: store open");
            await catalogue;
            var method = options.Read(parse);
            var inputs = await RiskInputsLoader.LoadForCountryAsync(store, context.Catalogue, parse.GetValue(country), ct, method);
            PhaseTimes.Mark("brief: inputs");
            var request = new BriefRequest(parse.GetValue(country), parse.GetValue(year), parse.GetValue(scenario), method);
            var result = ServiceErrors.ValueOrThrow(await BriefService.RunAsync(store, inputs, context.Catalogue, request, ct, context.DataDir));
            var model = result.Model;
            PhaseTimes.Mark("brief: service");
            using var language = Messages.Use(parse.GetValue(lang)!);
            var text = new ReportText(context.Catalogue);
            var formats = parse.GetValue(format)!.ToHashSet(StringComparer.Ordinal);
            Task<IReadOnlyList<string>> writing;
            try
            {
                BriefWriter.Prepare(outDir);
                // The files (charts, HTML, Markdown, PDF) are written on a worker while this thread prints; the output waits for them, so what
                // is printed and in which order is as before.
                writing = Task.Run(async () =>
                {
                    var written = await BriefWriter.WriteAsync(model, text, outDir, formats);
                    if (formats.Contains("pdf"))
                    {
                        var pdf = Path.Combine(outDir, "report.pdf");
                        await BriefPdf.WriteAsync(written[0], pdf, ct);
                        written = [.. written, pdf];
                    }
                    return written;
                }, ct);
                if (formats.Contains("pdf"))
                {
                    await writing; // a missing or failing browser is reported before anything is printed
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw WriteFailed(outDir, e);
            }
            if (parse.GetValue(json))
            {
                var document = CliJson.Serialize(result.Document);
                await Written(writing, outDir);
                context.Out.WriteLine(document);
                return ExitCodes.Ok;
            }
            TerminalReport.Write(context.Console, model, text);
            PhaseTimes.Mark("brief: terminal");
            var files = await Written(writing, outDir);
            PhaseTimes.Mark("brief: files");
            context.Console.MarkupLine(Messages.Format("Brief_Wrote", string.Join(", ", files.Select(f => $"[blue]{f.Esc()}[/]"))
                + $" (charts: {Path.Combine(outDir, "charts").Esc()})"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<IReadOnlyList<string>> Written(Task<IReadOnlyList<string>> writing, string outDir)
    {
        try
        {
            return await writing;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw WriteFailed(outDir, e);
        }
    }

    private static CliException WriteFailed(string outDir, Exception e) =>
        new($"cannot write the brief to '{outDir}': {e.Message} Expected a writable directory (--out DIR).");
}
