using System.CommandLine;
using System.Text.Json;
using Khanij.Application.Localization;
using Khanij.Ingest;
using Khanij.Ingest.Evaluation;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij ingest eval --gold GOLD.json --docs DIR [--strict] [--pred PRED.json] [--json]</c>: extraction quality with the definitions of
/// <c>shared/tools/score_events.py</c>.</summary>
internal static class IngestEvalCommand
{
    public static Command Create(CliContext context)
    {
        var gold = new Option<string>("--gold") { Description = "Gold events file ({\"events\": [...]} or a list), e.g. ../shared/gold/seeds.json.", Required = true };
        var docs = new Option<string>("--docs") { Description = "Directory holding the documents the gold file names.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON." };
        var predOut = new Option<string?>("--pred-out") { Description = "Also write the predictions ({\"events\": [...]}) to this file." };
        var predIn = new Option<string?>("--pred") { Description = "Score this predictions file ({\"events\": [...]} or a list) instead of extracting the documents." };
        var strict = new Option<bool>("--strict")
        {
            Description = "The measure for unseen news (score_events.py --strict): every .txt/.html/.htm article in --docs counts, so events "
                + "predicted on an article without gold events are false positives; predictions matched to optional gold events are left "
                + "out of precision; optional mineral values are neutral.",
        };
        var command = new Command("eval", "Extract events from the documents of a gold file and score them: detection precision/recall/F1, "
            + "per-field scores on matched events (parties, minerals, instrument, date) and verbatim evidence, exactly as "
            + "score_events.py defines them. Documents are scored one by one (no cross-document merging), as the gold is per document.") { gold, docs, json, predOut, predIn, strict };
        command.SetHandler(context, async (parse, ct) =>
        {
            var goldPath = parse.GetValue(gold)!;
            var docsDir = parse.GetValue(docs)!;
            if (!File.Exists(goldPath))
            {
                throw new CliException($"--gold '{goldPath}' does not exist; expected a gold events JSON file.");
            }
            if (!Directory.Exists(docsDir))
            {
                throw new CliException($"--docs '{docsDir}' is not a directory; expected the directory of the gold file's documents.");
            }
            IReadOnlyList<JsonElement> goldEvents;
            try
            {
                goldEvents = EventScorer.LoadEvents(await File.ReadAllTextAsync(goldPath, ct), goldPath);
            }
            catch (IngestException e)
            {
                throw new CliException(e.Message);
            }
            var isStrict = parse.GetValue(strict);
            IReadOnlyList<JsonElement> predEvents;
            if (parse.GetValue(predIn) is { } predPath)
            {
                if (!File.Exists(predPath))
                {
                    throw new CliException($"--pred '{predPath}' does not exist; expected a predictions JSON file.");
                }
                try
                {
                    predEvents = EventScorer.LoadEvents(await File.ReadAllTextAsync(predPath, ct), predPath);
                }
                catch (IngestException e)
                {
                    throw new CliException(e.Message);
                }
            }
            else
            {
                var names = goldEvents.Select(g => g.TryGetProperty("doc", out var d) && d.ValueKind == JsonValueKind.String ? Path.GetFileName(d.GetString() ?? "") : "")
                    .Where(n => n.Length > 0).ToList();
                if (isStrict)
                {
                    names.AddRange(EventScorer.ArticleNames(docsDir));
                }
                names = [.. names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
                var pipeline = IngestPipeline.Create(context.Catalogue, context.DataDir, Messages.PhrasebookWith(context.Catalogue));
                var predictions = new List<Khanij.Core.Events.CooperationEvent>();
                var missing = new List<string>();
                var done = 0;
                foreach (var name in names)
                {
                    var path = Path.Combine(docsDir, name);
                    if (!File.Exists(path))
                    {
                        missing.Add(name);
                        continue;
                    }
                    predictions.AddRange((await IngestExtractCommand.ReadAsync(pipeline, path, ct)).Events);
                    done++;
                    if (!parse.GetValue(json) && names.Count > 5)
                    {
                        context.Error.Write($"\rextracting {done}/{names.Count}");
                    }
                }
                if (!parse.GetValue(json) && names.Count > 5)
                {
                    context.Error.WriteLine();
                }
                foreach (var m in missing)
                {
                    context.Error.WriteLine($"warning: {m} is named by the gold file but not found in {docsDir}; its events count as missed.");
                }
                var predJson = CliJson.Serialize(new { events = predictions });
                if (parse.GetValue(predOut) is { } outPath)
                {
                    await File.WriteAllTextAsync(outPath, predJson, ct);
                }
                predEvents = EventScorer.LoadEvents(predJson, "predictions");
            }
            var score = EventScorer.Score(goldEvents, predEvents, docsDir, isStrict);
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(new
                {
                    score.Strict, score.Documents, score.GoldCoreOccasions, score.Predicted, score.MatchedPredictions, score.NeutralPredictions, score.Precision, score.Recall,
                    EventF1 = score.F1, score.MatchedCore, PartiesF1 = score.Parties, MineralsF1 = score.Minerals, InstrumentAcc = score.Instrument,
                    DateAcc = score.Date, score.EvidenceFound, score.EvidenceTotal, EvidenceVerbatim = score.EvidenceFound is null ? (double?)null : score.EvidenceVerbatim,
                }));
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("measure", "value");
            table.AddRow("documents", score.Documents.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("gold core occasions", score.GoldCoreOccasions.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("predicted events", score.Predicted.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (score.Strict)
            {
                table.AddRow("strict: on optional events (left out)", score.NeutralPredictions.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            table.AddRow("detection precision", PyText.Fixed(score.Precision, 3));
            table.AddRow("detection recall", PyText.Fixed(score.Recall, 3));
            table.AddRow("event F1", PyText.Fixed(score.F1, 3));
            table.AddRow($"parties F1 ({score.MatchedCore} matched core)", PyText.Fixed(score.Parties, 3));
            table.AddRow("minerals F1", PyText.Fixed(score.Minerals, 3));
            table.AddRow("instrument accuracy", PyText.Fixed(score.Instrument, 3));
            table.AddRow("date accuracy", PyText.Fixed(score.Date, 3));
            table.AddRow("evidence verbatim", $"{score.EvidenceFound}/{score.EvidenceTotal}");
            context.Console.Write(table);
            context.Out.WriteLine(score.SummaryLine);
            return ExitCodes.Ok;
        });
        return command;
    }
}
