using System.CommandLine;
using Khanij.Data.Registry;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij partners import FILE.json</c>: curated records, all or nothing.</summary>
internal static class PartnersImportCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string[]>("FILE")
        {
            Description = "JSON files {\"records\": [...]} (see docs/registry.md and samples/registry/); several files import together or not at all.",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print what was done as JSON ({created, merged: [{imported_id, into_id, changed, review, conflicts}]})." };
        var command = new Command("import",
            "Add curated records from a JSON file. Every record must cite a source (document plus url or verbatim evidence); records are "
            + "accepted unless they say \"review\": \"proposed\". The file is checked whole first: any problem is reported as "
            + "file:line:column and nothing is imported. A record of an event the registry already holds (same rules as 'ingest add': "
            + "parties, instrument, dates within 3 days, minerals) merges into that record with its sources and organisations; where the two "
            + "disagree on a value the registry's value is kept and the record waits for review with the conflict listed.")
        {
            file, json, PartnersRegistry.By,
        };
        command.SetHandler(context, async (parse, ct) =>
        {
            var paths = parse.GetValue(file)!;
            var path = string.Join(", ", paths);
            await using var registry = await PartnersRegistry.OpenAsync(context, parse, ct, write: true);
            try
            {
                var outcome = await RegistryImporter.ImportFilesAsync(paths, registry.Store, context.Catalogue, parse.GetValue(PartnersRegistry.By)!, ct);
                if (parse.GetValue(json))
                {
                    context.Out.WriteLine(CliJson.Serialize(outcome));
                    return ExitCodes.Ok;
                }
                var total = outcome.Created.Count + outcome.Merged.Count;
                context.Console.MarkupLine($"Imported [green]{total}[/] record(s) from {path.Esc()}: {outcome.Created.Count} new"
                    + (outcome.Created.Count == 0 ? "" : $" ({string.Join(", ", outcome.Created).Esc()})") + $", {outcome.Merged.Count} merged into records of the same event.");
                foreach (var m in outcome.Merged)
                {
                    context.Console.MarkupLine($"  {m.ImportedId.Esc()} → [blue]{m.IntoId.Esc()}[/]: "
                        + (m.Changed ? "sources, evidence and details merged" : "already recorded, nothing new") + $"; {m.Review.ToString().ToLowerInvariant()}.");
                    foreach (var c in m.Conflicts)
                    {
                        context.Console.MarkupLine($"    [yellow]conflict[/] {c.Field.Esc()}: kept {(c.Kept ?? "∅").Esc()}, the import says {(c.Incoming ?? "∅").Esc()}");
                    }
                }
                if (outcome.Merged.Any(m => m.Conflicts.Count > 0))
                {
                    context.Console.MarkupLine("[yellow]Records with conflicts wait for review:[/] 'khanij partners review' lists them; accept, reject, or "
                        + "--edit ID --set FIELD=VALUE to settle a field.");
                }
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
