using System.CommandLine;
using Khanij.Data.Registry;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij partners import FILE.json</c>: curated records, all or nothing.</summary>
internal static class PartnersImportCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "A JSON file {\"records\": [...]} (see docs/registry.md and samples/registry/)." };
        var command = new Command("import",
            "Add curated records from a JSON file. Every record must cite a source (document plus url or verbatim evidence); records are "
            + "accepted unless they say \"review\": \"proposed\". The file is checked whole first: any problem is reported as "
            + "file:line:column and nothing is imported.\n\n" + ExitCodes.HelpText)
        {
            file, PartnersRegistry.By,
        };
        command.SetHandler(context, async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            await using var registry = await PartnersRegistry.OpenAsync(context, parse, ct);
            try
            {
                var records = await RegistryImporter.ImportFileAsync(path, registry.Store, context.Catalogue, parse.GetValue(PartnersRegistry.By)!, ct);
                context.Console.MarkupLine($"Imported [green]{records.Count}[/] record(s) from {path.Esc()}: {string.Join(", ", records.Select(r => r.Id)).Esc()}");
                return ExitCodes.Ok;
            }
            catch (RegistryException e)
            {
                throw PartnersRegistry.BadInput(e);
            }
        });
        return command;
    }
}
