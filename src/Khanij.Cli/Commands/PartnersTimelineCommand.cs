using System.CommandLine;
using Khanij.Core.Registry;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij partners timeline --country IND</c>: a country's accepted records in date order.</summary>
internal static class PartnersTimelineCommand
{
    public static Command Create(CliContext context)
    {
        var country = new Option<string>("--country") { Description = "Country (ISO3 code or name).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print JSON (an array of records in date order) instead of a table." };
        var command = new Command("timeline",
            "A country's accepted partnerships, occasions, projects, investments and commitments in date order (undated last); "
            + "working-group sessions show which earlier session they reviewed.")
        {
            country, json,
        };
        command.SetHandler(context, async (parse, ct) =>
        {
            var iso3 = PartnersRegistry.ResolveCountry(context, parse.GetValue(country)!);
            await using var registry = await PartnersRegistry.OpenAsync(context, parse, ct);
            var rows = RegistryQueries.Timeline(await registry.Store.ListAsync(ct), iso3);
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(rows));
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("date", "kind", "instrument", "title", "with", "minerals", "status", "id", "notes");
            foreach (var r in rows)
            {
                var notes = new List<string>();
                if (r.Occasion?.SessionNumber is { } n)
                {
                    notes.Add($"session {n}");
                }
                if (r.Occasion?.Reviews is { Count: > 0 } reviews)
                {
                    notes.Add("reviews " + string.Join(", ", reviews));
                }
                if (r.ParentId is not null)
                {
                    notes.Add("part of " + r.ParentId);
                }
                if (r.Commitment is { } c)
                {
                    notes.Add($"due {c.Due ?? "—"}, {c.Status.ToString().ToLowerInvariant()}");
                }
                table.AddRow((r.Date ?? "?").Esc(), r.Kind.ToId(), (r.Instrument ?? "").Esc(), r.Title.Esc(),
                    string.Join(", ", r.Parties.Where(p => p != iso3)).Esc(), string.Join(", ", r.Minerals).Esc(), (r.Status ?? "").Esc(),
                    r.Id.Esc(), string.Join("; ", notes).Esc());
            }
            context.Console.Write(table);
            context.Console.MarkupLine($"[grey]{rows.Count} accepted record(s) naming {iso3}.[/]");
            return ExitCodes.Ok;
        });
        return command;
    }
}
