using System.CommandLine;
using System.Globalization;
using Khanij.Core.Registry;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij partners followups [--overdue]</c>: accepted commitments and follow-up actions with their status.</summary>
internal static class PartnersFollowupsCommand
{
    public static Command Create(CliContext context)
    {
        var overdue = new Option<bool>("--overdue") { Description = "Only items overdue on --as-of (recorded overdue, or open past their due date)." };
        var asOf = new Option<string?>("--as-of") { Description = "The day to judge due dates against (YYYY-MM-DD; default: today, UTC)." };
        var country = new Option<string?>("--country") { Description = "Only items naming this country (ISO3 code or name)." };
        var json = new Option<bool>("--json") { Description = "Print JSON (an array of {record, status, review}) instead of a table." };
        var acceptedOnly = new Option<bool>("--accepted-only") { Description = "Leave out follow-ups still proposed (e.g. found by 'ingest add' and not yet reviewed)." };
        var command = new Command("followups",
            "Commitments and follow-up actions: text, owner, due date and status (open, done, overdue, dropped), from accepted records and, "
            + "marked 'proposed', from records awaiting review (such as those 'ingest add' found in news). "
            + "An open item past its due date counts as overdue.")
        {
            overdue, asOf, country, json, acceptedOnly,
        };
        command.SetHandler(context, async (parse, ct) =>
        {
            var today = parse.GetValue(asOf) ?? DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (today.Length != 10 || !RegistryVocabulary.IsDate(today))
            {
                throw new CliException($"--as-of '{today}' is not a date; expected YYYY-MM-DD.");
            }
            var iso3 = parse.GetValue(country) is { } c ? PartnersRegistry.ResolveCountry(context, c) : null;
            await using var registry = await PartnersRegistry.OpenAsync(context, parse, ct);
            var all = await registry.Store.ListAsync(ct);
            var accepted = RegistryQueries.FollowUps(all, today, parse.GetValue(overdue)).Select(x => (x.Record, x.Status, Review: ReviewState.Accepted));
            // proposed items are judged by the same rules (the query reads accepted records, so they are presented as such) and shown as proposed
            IEnumerable<(RegistryRecord Record, FollowUpStatus Status, ReviewState Review)> proposed = parse.GetValue(acceptedOnly) ? []
                : RegistryQueries.FollowUps(all.Where(r => r.Review == ReviewState.Proposed).Select(r => r with { Review = ReviewState.Accepted }), today, parse.GetValue(overdue))
                    .Select(x => (Record: all.First(r => r.Id == x.Record.Id), x.Status, Review: ReviewState.Proposed));
            var rows = accepted.Concat(proposed)
                .Where(x => iso3 is null || x.Record.Parties.Contains(iso3))
                .ToList();
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(rows.Select(x => new { record = x.Record, status = x.Status, review = x.Review, as_of = today })));
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("due", "status", "owner", "commitment", "parties", "id", "from", "review");
            foreach (var (r, status, review) in rows)
            {
                var colour = status switch { FollowUpStatus.Overdue => "red", FollowUpStatus.Done => "green", _ => "default" };
                table.AddRow((r.Commitment!.Due ?? "—").Esc(), $"[{colour}]{status.ToString().ToLowerInvariant()}[/]", (r.Commitment.Owner ?? "").Esc(),
                    r.Commitment.Text.Esc(), string.Join(", ", r.Parties).Esc(), r.Id.Esc(), (r.ParentId ?? "").Esc(),
                    review == ReviewState.Proposed ? "[yellow]proposed[/]" : "accepted");
            }
            context.Console.Write(table);
            context.Console.MarkupLine($"[grey]{rows.Count} item(s) as of {today}.[/]");
            return ExitCodes.Ok;
        });
        return command;
    }
}
