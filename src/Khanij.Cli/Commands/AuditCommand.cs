using System.CommandLine;
using System.Globalization;
using Khanij.Data.Accounts;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij audit [--since] [--user] [--json]</c>: every write to the store with who, when, what and the value before and after.</summary>
internal static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var since = new Option<string?>("--since") { Description = "Only entries at or after this UTC date or time (2026-12-01 or 2026-12-01T09:30)." };
        var user = new Option<string?>("--user") { Description = "Only entries of this actor (a user name)." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var command = new Command("audit",
            "The audit log: registry changes and reviews, imports, account and role changes, sign-ins and failed sign-ins, oldest first, with "
            + "who, when (UTC), what and before → after.") { since, user, json };
        command.SetHandler(context, async (parse, ct) =>
        {
            DateTime? from = null;
            if (parse.GetValue(since) is { Length: > 0 } text)
            {
                from = DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
                    ? at
                    : throw new CliException($"--since '{text}' is not a date; expected a UTC date or time such as 2026-12-01 or 2026-12-01T09:30.");
            }
            await using var store = await context.OpenStoreAsync(parse, ct);
            await using var connection = await store.OpenConnectionAsync(ct);
            var entries = await (await AccountStore.OpenAsync(connection, null, ct)).ReadAsync(from, parse.GetValue(user), ct);
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(entries.Select(e => new
                {
                    at_utc = e.AtUtc, actor = e.Actor, action = e.Action, target = e.Target, before = e.Before, after = e.After, detail = e.Detail,
                })));
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("when (UTC)", "who", "action", "target", "before → after", "detail");
            foreach (var e in entries)
            {
                var change = e.Before is null && e.After is null ? "" : $"{e.Before ?? "–"} → {e.After ?? "–"}";
                table.AddRow(e.AtUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.Actor.EscapeMarkup(), e.Action.EscapeMarkup(),
                    e.Target.EscapeMarkup(), Shorten(change).EscapeMarkup(), e.Detail.EscapeMarkup());
            }
            context.Console.Write(table);
            context.Console.MarkupLine($"{entries.Count.ToString(CultureInfo.InvariantCulture)} entr{(entries.Count == 1 ? "y" : "ies")}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Shorten(string text) => text.Length > 120 ? text[..119] + "…" : text;
}
