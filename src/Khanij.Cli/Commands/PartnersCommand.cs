using System.CommandLine;
using Khanij.Core.Registry;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij partners</c>: accepted partnerships (who, what, since when, status), with subcommands for one record, a country's
/// timeline, follow-ups, review of proposals and import of curated records.</summary>
internal static class PartnersCommand
{
    public static Command Create(CliContext context)
    {
        var country = new Option<string?>("--country")
        {
            Description = "Only partnerships of this country (ISO3 code or name, e.g. IND, भारत); one row per counterpart.",
        };
        var mineral = new Option<string?>("--mineral")
        {
            Description = "Only partnerships covering this mineral (id or name); records on critical minerals in general count too.",
        };
        var json = new Option<bool>("--json") { Description = "Print JSON ({country, mineral, partners: [...], proposals_waiting}) instead of a table." };
        var command = new Command("partners",
            "List accepted partnerships from the registry: the parties, what instruments and occasions link them, which minerals, since when "
            + "and the latest status. Proposals from ingestion are not shown until accepted ('khanij partners review').")
        {
            country, mineral, json,
        };
        command.Subcommands.Add(PartnersShowCommand.Create(context));
        command.Subcommands.Add(PartnersTimelineCommand.Create(context));
        command.Subcommands.Add(PartnersFollowupsCommand.Create(context));
        command.Subcommands.Add(PartnersReviewCommand.Create(context));
        command.Subcommands.Add(PartnersImportCommand.Create(context));
        command.SetHandler(context, async (parse, ct) =>
        {
            var iso3 = parse.GetValue(country) is { } c ? PartnersRegistry.ResolveCountry(context, c) : null;
            var mineralId = parse.GetValue(mineral) is { } m ? PartnersRegistry.ResolveMineral(context, m) : null;
            await using var registry = await PartnersRegistry.OpenAsync(context, parse, ct);
            var records = await registry.Store.ListAsync(ct);
            var rows = RegistryQueries.Partners(records, iso3, mineralId);
            var waiting = records.Count(r => r.Review == ReviewState.Proposed);
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(new
                {
                    country = iso3,
                    mineral = mineralId,
                    partners = rows.Select(r => new
                    {
                        r.Parties,
                        r.Counterpart,
                        counterpart_name = r.Counterpart is null ? null : PartnersRegistry.PartyName(context, r.Counterpart),
                        counterpart_kind = r.Counterpart is null ? null : context.Catalogue.FrameworkById(r.Counterpart) is null ? "country" : "framework",
                        party_names = r.Parties.Select(p => PartnersRegistry.PartyName(context, p)).ToList(),
                        r.Instruments,
                        r.Minerals,
                        r.Stages,
                        r.Areas,
                        r.Since,
                        r.Latest,
                        r.Status,
                        r.RecordIds,
                        r.SourceCount,
                    }),
                    proposals_waiting = waiting,
                }));
                return ExitCodes.Ok;
            }
            if (rows.Count == 0)
            {
                context.Console.MarkupLine("No accepted partnership matches." + (waiting > 0
                    ? $" {waiting} proposal(s) are waiting: see 'khanij partners review'."
                    : " Add some with 'khanij ingest add FILE…' or 'khanij partners import FILE.json'."));
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns(iso3 is null ? "parties" : "partner", "what", "minerals", "since", "latest", "status", "records");
            foreach (var r in rows)
            {
                var who = r.Counterpart is null
                    ? string.Join(" + ", r.Parties)
                    : $"{r.Counterpart} {PartnersRegistry.PartyName(context, r.Counterpart)}";
                table.AddRow(who.Esc(), string.Join(", ", r.Instruments).Esc(), string.Join(", ", r.Minerals).Esc(), (r.Since ?? "?").Esc(),
                    (r.Latest ?? "?").Esc(), (r.Status ?? "").Esc(), string.Join(" ", r.RecordIds).Esc());
            }
            context.Console.Write(table);
            context.Console.MarkupLine($"[grey]{rows.Count} row(s) from accepted records. "
                + (waiting > 0 ? $"{waiting} proposal(s) waiting for review ('khanij partners review'). " : "")
                + "'khanij partners show ID' prints a record with its evidence.[/]");
            return ExitCodes.Ok;
        });
        return command;
    }
}
