using System.CommandLine;
using Khanij.Application;
using Khanij.Application.Services;
using Khanij.Core.Registry;
using Khanij.Data;
using Khanij.Data.Registry;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij partners show ID</c>: one record with its sources, verbatim evidence and audit trail.</summary>
internal static class PartnersShowCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "Record id (e.g. pt-0001, msp)." };
        var json = new Option<bool>("--json") { Description = "Print JSON ({record, audit, impact}) instead of tables." };
        var command = new Command("show", "Show one registry record: every field, its sources with verbatim evidence, its audit trail, and the "
            + "risk figures it moves for --country now (partner share of imports and supply risk, without → with the record, computed as "
            + "'khanij risk' does; for a proposal, what accepting it would move).")
        {
            id, json, PartnersRegistry.Country,
        };
        command.SetHandler(context, async (parse, ct) =>
        {
            var recordId = parse.GetValue(id)!;
            await using var registry = await PartnersRegistry.OpenAsync(context, parse, ct);
            var record = await registry.Store.FindAsync(recordId, ct)
                ?? throw new CliException($"No registry record has id '{recordId}'. List ids with 'khanij partners --json' or 'khanij partners review'.");
            var audit = await registry.Store.AuditAsync(recordId, ct);
            var impact = ServiceErrors.ValueOrThrow(await RegistryReviewService.OfRecordAsync(registry.Khanij, await registry.Store.ListAsync(ct),
                token => RiskInputsLoader.LoadAsync(registry.Khanij, token), context.Catalogue, recordId, parse.GetValue(PartnersRegistry.Country), ct));
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(new { record, audit, impact }));
                return ExitCodes.Ok;
            }
            Write(context, record);
            var trail = new Table().Title("audit trail").AddColumns("#", "when (UTC)", "who", "action", "changes");
            foreach (var a in audit)
            {
                trail.AddRow(a.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), a.At.ToString("yyyy-MM-dd HH:mm:ss",
                    System.Globalization.CultureInfo.InvariantCulture), a.Who.Esc(), a.Action.Esc(),
                    string.Join("\n", a.Changes.Take(12).Select(c => $"{c.Field}: {c.Old ?? "∅"} → {c.New ?? "∅"}")).Esc());
            }
            context.Console.Write(trail);
            PartnersImpactView.Write(context, impact);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Writes a record's fields and its sources with evidence (shared with <c>partners review</c>).</summary>
    public static void Write(CliContext context, RegistryRecord record)
    {
        var fields = new Table().Title($"{record.Id} — {record.Title}".Esc()).AddColumns("field", "value");
        // The CLI writes English: officials recorded in Devanagari are shown in Latin script (known spelling or romanisation).
        var spellings = CatalogueLoader.LoadOfficialSpellings(context.DataDir);
        var shown = record with { Officials = [.. record.Officials.Select(o => o with { Name = spellings.Latin(o.Name) })] };
        foreach (var (field, value) in RecordDiff.Fields(shown).Where(f => f.Value is not null && f.Key != "sources"))
        {
            fields.AddRow(field.Esc(), value.Esc());
        }
        context.Console.Write(fields);
        foreach (var s in record.Sources)
        {
            context.Console.MarkupLine($"[bold]source:[/] {s.Document.Esc()}"
                + (s.Title is null ? "" : $" — {s.Title.Esc()}") + (s.Published is null ? "" : $" ({s.Published.Esc()})")
                + (s.Url is null ? "" : $" [blue]{s.Url.Esc()}[/]"));
            foreach (var e in s.Evidence)
            {
                context.Console.MarkupLine($"  [green]“{e.Esc()}”[/]");
            }
            if (s.Note is not null)
            {
                context.Console.MarkupLine($"  [grey]note: {s.Note.Esc()}[/]");
            }
        }
    }
}
