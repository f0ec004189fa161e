using System.CommandLine;
using System.Text;
using Khanij.Application.Localization;
using Khanij.Core.Events;
using Khanij.Data.Registry;
using Khanij.Ingest;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij ingest add FILE...</c>: extract events with the ingestion pipeline and store documents and events in the registry
/// as proposals, merging duplicates. The <c>ingest</c> parent belongs to the ingestion verbs; this file only adds <c>add</c> to it.</summary>
internal static class IngestAddCommand
{
    /// <summary>Adds <c>add</c> to the root's <c>ingest</c> command, creating a bare <c>ingest</c> when no other verb made one yet.</summary>
    public static void Register(RootCommand root, CliContext context)
    {
        var ingest = root.Subcommands.FirstOrDefault(c => c.Name == "ingest");
        if (ingest is null)
        {
            ingest = new Command("ingest", "Read news and official releases (Hindi or English) into the registry.");
            root.Subcommands.Add(ingest);
        }
        ingest.Subcommands.Add(Create(context));
    }

    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE") { Description = "Articles (.txt, .html) or events files (.json, gold schema {\"events\": [...]}).", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print JSON ({documents, created, merged, unchanged, reopened, skipped}) instead of a summary." };
        var command = new Command("add",
            "Add documents to the registry: extract their cooperation events and store each as a PROPOSED record with its verbatim "
            + "evidence. The same event reported by two articles (or in two languages) becomes one record with both sources (same parties "
            + "and instrument, dates within 3 days, overlapping minerals). All files are added in one transaction, or none. Review the "
            + "proposals with 'khanij partners review'.")
        {
            files, json, PartnersRegistry.By,
        };
        command.SetHandler(context, async (parse, ct) =>
        {
            var paths = parse.GetValue(files) ?? [];
            var missing = paths.Where(p => !File.Exists(p)).ToList();
            if (missing.Count > 0)
            {
                throw new CliException($"file(s) not found: {string.Join(", ", missing)}; nothing was added.");
            }
            var documents = new List<SourceDocument>();
            var events = new List<CooperationEvent>();
            IngestPipeline? pipeline = null;
            try
            {
                foreach (var path in paths)
                {
                    if (string.Equals(Path.GetExtension(path), ".json", StringComparison.OrdinalIgnoreCase))
                    {
                        events.AddRange(await EventsFile.ReadAsync(path, ct));
                        continue;
                    }
                    pipeline ??= IngestPipeline.Create(context.Catalogue, context.DataDir, Messages.PhrasebookWith(context.Catalogue));
                    var result = await pipeline.ExtractFileAsync(path, ct);
                    documents.Add(new SourceDocument(result.Document.Name, result.Document.Text, result.Document.Title));
                    events.AddRange(result.Events);
                    foreach (var warning in result.Warnings)
                    {
                        context.Error.WriteLine($"warning: {path}: {warning}");
                    }
                }
            }
            catch (RegistryException e)
            {
                throw PartnersRegistry.BadInput(e);
            }
            catch (IngestException e)
            {
                throw new CliException(e.Message + " Nothing was added.");
            }
            await using var registry = await PartnersRegistry.OpenAsync(context, parse, ct, write: true);
            IngestOutcome outcome;
            try
            {
                outcome = await registry.Store.AddEventsAsync(documents, events, parse.GetValue(PartnersRegistry.By)!, context.Catalogue, ct);
            }
            catch (RegistryException e)
            {
                throw PartnersRegistry.BadInput(e);
            }
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(outcome));
                return ExitCodes.Ok;
            }
            context.Console.MarkupLine($"{paths.Length} file(s), {events.Count} event(s): [green]{outcome.Created.Count}[/] new proposal(s), "
                + $"{outcome.Merged.Count} merged into existing records, {outcome.Unchanged} already recorded, {outcome.Documents} document(s) stored.");
            foreach (var skip in outcome.Skipped)
            {
                context.Console.MarkupLine($"[yellow]skipped {skip.Esc()}[/]");
            }
            if (outcome.Reopened.Count > 0)
            {
                context.Console.MarkupLine($"[yellow]Back to review (new facts on accepted records): {string.Join(", ", outcome.Reopened).Esc()}[/]");
            }
            context.Console.MarkupLine("[grey]Review them with 'khanij partners review'.[/]");
            return ExitCodes.Ok;
        });
        return command;
    }
}
