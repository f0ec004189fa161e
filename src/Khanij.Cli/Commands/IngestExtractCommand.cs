using System.CommandLine;
using Khanij.Application.Localization;
using Khanij.Core.Events;
using Khanij.Core.Text;
using Khanij.Ingest;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij ingest extract FILE... [--json]</c>.</summary>
internal static class IngestExtractCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Articles to read: UTF-8 .txt or .html files; '-' reads standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print {\"events\": [...]} in the gold schema instead of a table." };
        var noMerge = new Option<bool>("--no-merge")
        {
            Description = "Keep one event per document; by default the same event reported by several documents is merged (with all sources).",
        };
        var command = new Command("extract", "Extract cooperation events (instrument, parties, minerals, date, status, evidence …) from articles.") { files, json, noMerge };
        command.SetHandler(context, async (parse, ct) =>
        {
            var pipeline = IngestPipeline.Create(context.Catalogue, context.DataDir, Messages.PhrasebookWith(context.Catalogue));
            var results = new List<IngestResult>();
            foreach (var file in parse.GetValue(files) ?? [])
            {
                results.Add(await ReadAsync(pipeline, file, ct));
            }
            IReadOnlyList<CooperationEvent> events = parse.GetValue(noMerge) ? [.. results.SelectMany(r => r.Events)] : IngestPipeline.Merge(results);
            foreach (var r in results)
            {
                foreach (var w in r.Warnings)
                {
                    context.Error.WriteLine($"warning: {r.Document.Name}: {w}");
                }
            }
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(new { events }));
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("doc", "date", "instrument", "status", "parties", "minerals", "venue", "evidence");
            foreach (var e in events)
            {
                var doc = e.Sources.Count > 1 ? string.Join(" + ", e.Sources.Select(s => s.Doc)) : e.Doc;
                var evidence = e.Evidence.Count > 0 ? e.Evidence[0] : "";
                table.AddRow(doc.Esc(), (e.Date ?? "—").Esc(), e.Instrument.Esc(), e.Status.Esc(), string.Join(" ", e.Parties).Esc(),
                    string.Join(", ", e.Minerals).Esc(), string.Join(", ", new[] { e.VenueCity, e.VenueCountry }.Where(v => v is not null)).Esc(),
                    (evidence.Length > 90 ? evidence[..90] + "…" : evidence).Esc());
            }
            context.Console.Write(table);
            var summary = $"{English.Count(events.Count, "event")} from {English.Count(results.Count, "document")} ("
                + string.Join(", ", results.Select(r => $"{r.Document.Name}: {r.Document.Language}, published {r.Document.Published ?? "unknown"}")) + ").";
            context.Console.MarkupLine("[grey]" + summary.Esc() + "[/]");
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static async Task<IngestResult> ReadAsync(IngestPipeline pipeline, string file, CancellationToken ct)
    {
        try
        {
            if (file == "-")
            {
                using var stdin = Console.OpenStandardInput();
                using var buffer = new MemoryStream();
                await stdin.CopyToAsync(buffer, ct);
                return pipeline.Extract("stdin", buffer.ToArray(), null, ct);
            }
            if (Directory.Exists(file))
            {
                throw new CliException($"'{file}' is a directory; expected article files (e.g. {Path.Combine(file, "*.txt")}).");
            }
            if (!File.Exists(file))
            {
                throw new CliException($"'{file}' does not exist; expected a .txt or .html article, or '-' for standard input.");
            }
            return await pipeline.ExtractFileAsync(file, ct);
        }
        catch (IngestException e)
        {
            throw new CliException(e.Message);
        }
    }
}
