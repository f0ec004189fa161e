using System.CommandLine;
using Khanij.Application;
using Khanij.Application.Services;
using Khanij.Core.Registry;
using Khanij.Data.Registry;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij partners review</c>: list proposals with their evidence; accept, reject or edit them.</summary>
internal static class PartnersReviewCommand
{
    public static Command Create(CliContext context)
    {
        var accept = new Option<string[]>("--accept") { Description = "Accept this proposal (repeatable).", AllowMultipleArgumentsPerToken = true };
        var reject = new Option<string[]>("--reject") { Description = "Reject this proposal (repeatable).", AllowMultipleArgumentsPerToken = true };
        var acceptAll = new Option<bool>("--accept-all") { Description = "Accept every proposal (after any edits, accepts and rejects given)." };
        var edit = new Option<string?>("--edit") { Description = "Record to apply the --set edits to (default: the single --accept or --reject id)." };
        var set = new Option<string[]>("--set")
        {
            Description = "An edit FIELD=VALUE (repeatable), e.g. --set minerals=lithium,cobalt --set commitment.status=done. Fields: "
                + string.Join(", ", RegistryEdits.Fields) + ".",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print JSON: when listing, an array of proposed records with evidence; with actions, {outcome, impact} (the decisions "
                + "and the risk figures they moved for --country).",
        };
        var interactive = new Option<bool>("--interactive", "-i")
        {
            Description = "Go through the proposals one by one and answer a (accept), r (reject), e FIELD=VALUE (edit), s (skip) or q (quit).",
        };
        var command = new Command("review",
            "Without options: list the proposals waiting for review, each with its sources and verbatim evidence. With options: edit, accept "
            + "or reject records; every change is written to the record's audit trail (see 'khanij partners show ID'). The decisions of one "
            + "run apply together or not at all. Only accepted records count in 'khanij partners' and in the analytics; after the run the "
            + "risk figures the decisions moved for --country are printed (partner share of imports and supply risk, before → after, "
            + "computed as 'khanij risk' does).")
        {
            accept, reject, acceptAll, edit, set, json, interactive, PartnersRegistry.Country, PartnersRegistry.By,
        };
        command.SetHandler(context, async (parse, ct) =>
        {
            var accepts = parse.GetValue(accept) ?? [];
            var rejects = parse.GetValue(reject) ?? [];
            var sets = parse.GetValue(set) ?? [];
            var who = parse.GetValue(PartnersRegistry.By)!;
            var editId = parse.GetValue(edit);
            if (sets.Length > 0 && editId is null)
            {
                editId = (accepts.Length + rejects.Length) == 1 ? accepts.Concat(rejects).Single()
                    : throw new CliException("--set needs one record to edit: give --edit ID (or exactly one --accept/--reject ID).");
            }
            if (editId is not null && sets.Length == 0)
            {
                throw new CliException($"--edit {editId} needs at least one --set FIELD=VALUE.");
            }
            var edits = sets.Select(s => s.IndexOf('=', StringComparison.Ordinal) is var i and > 0
                ? (s[..i].Trim(), s[(i + 1)..])
                : throw new CliException($"--set '{s}' is not FIELD=VALUE (e.g. --set minerals=lithium,cobalt).")).ToList();
            var both = accepts.Intersect(rejects, StringComparer.Ordinal).ToList();
            if (both.Count > 0)
            {
                throw new CliException($"{string.Join(", ", both)} is both accepted and rejected; choose one.");
            }

            await using var registry = await PartnersRegistry.OpenAsync(context, parse, ct, write: true);
            var store = registry.Store;
            var acting = editId is not null || accepts.Length > 0 || rejects.Length > 0 || parse.GetValue(acceptAll);
            if (parse.GetValue(interactive))
            {
                if (acting)
                {
                    throw new CliException("--interactive cannot be combined with --accept, --reject, --accept-all or --edit.");
                }
                return await InteractiveAsync(context, store, who,
                    question => context.Console.Prompt(new TextPrompt<string>(question).AllowEmpty()), ct);
            }
            if (!acting)
            {
                return await ListAsync(context, store, parse.GetValue(json), ct);
            }
            var known = (await store.ListAsync(ct)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var unknown = accepts.Concat(rejects).Concat(editId is null ? [] : [editId]).Where(i => !known.Contains(i)).Distinct().ToList();
            if (unknown.Count > 0)
            {
                throw new CliException($"No registry record has id {string.Join(", ", unknown.Select(u => $"'{u}'"))}; nothing was changed. "
                    + "List proposals with 'khanij partners review'.");
            }
            try
            {
                // One run, one transaction: if any decision fails, none is applied (issue 18). Then what it moved, as 'khanij risk' computes it.
                var result = ServiceErrors.ValueOrThrow(await RegistryReviewService.ReviewAsync(registry.Khanij, store,
                    token => RiskInputsLoader.LoadAsync(registry.Khanij, token), context.Catalogue,
                    new ReviewRequest(accepts, rejects, parse.GetValue(acceptAll), editId, editId is null ? [] : edits, parse.GetValue(PartnersRegistry.Country), who),
                    ct));
                var outcome = result.Outcome;
                if (parse.GetValue(json))
                {
                    context.Out.WriteLine(CliJson.Serialize(new
                    {
                        outcome = new { edited = outcome.Edited, accepted = outcome.Accepted, rejected = outcome.Rejected, accepted_all = outcome.AcceptedAll },
                        impact = result.Impact,
                    }));
                    return ExitCodes.Ok;
                }
                if (outcome.Edited is { } edited)
                {
                    context.Console.MarkupLine($"Edited [blue]{edited.Id.Esc()}[/]: {string.Join(", ", edits.Select(e => e.Item1)).Esc()}.");
                }
                foreach (var id in outcome.Accepted)
                {
                    context.Console.MarkupLine($"Accepted [green]{id.Esc()}[/].");
                }
                foreach (var id in outcome.Rejected)
                {
                    context.Console.MarkupLine($"Rejected [red]{id.Esc()}[/].");
                }
                if (parse.GetValue(acceptAll))
                {
                    var ids = outcome.AcceptedAll;
                    context.Console.MarkupLine($"Accepted [green]{ids.Count}[/] proposal(s){(ids.Count == 0 ? "" : ": " + string.Join(", ", ids).Esc())}.");
                }
                PartnersImpactView.Write(context, result.Impact);
            }
            catch (RegistryException e)
            {
                throw PartnersRegistry.BadInput(e);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Walks the proposals one by one; <paramref name="ask"/> gets the question and returns the answer (a console prompt, or a
    /// script in tests). Each decision is stored (and audited) at once, so quitting keeps what was done.</summary>
    internal static async Task<int> InteractiveAsync(CliContext context, RegistryStore store, string who, Func<string, string> ask, CancellationToken ct)
    {
        var proposals = (await store.ListAsync(ct)).Where(r => r.Review == ReviewState.Proposed).ToList();
        int accepted = 0, rejected = 0, skipped = 0;
        foreach (var proposal in proposals)
        {
            var record = proposal;
            WriteProposal(context, record);
            while (true)
            {
                var answer = (ask($"{record.Id}: [a]ccept, [r]eject, [e]dit FIELD=VALUE, [s]kip, [q]uit?") ?? "").Trim();
                var verb = answer.Length == 0 ? "" : answer[..1].ToLowerInvariant();
                if (verb == "q")
                {
                    context.Console.MarkupLine($"Stopped: {accepted} accepted, {rejected} rejected, {skipped} skipped.");
                    return ExitCodes.Ok;
                }
                if (verb is "a" or "r")
                {
                    await store.SetReviewAsync(record.Id, verb == "a" ? ReviewState.Accepted : ReviewState.Rejected, who, ct);
                    if (verb == "a")
                    {
                        accepted++;
                    }
                    else
                    {
                        rejected++;
                    }
                    break;
                }
                if (verb == "s")
                {
                    skipped++;
                    break;
                }
                if (verb == "e" && answer[1..].Trim() is var pair && pair.IndexOf('=', StringComparison.Ordinal) is var eq and > 0)
                {
                    try
                    {
                        record = await store.EditAsync(record.Id, [(pair[..eq].Trim(), pair[(eq + 1)..])], who, context.Catalogue, ct);
                        WriteProposal(context, record);
                    }
                    catch (RegistryException e)
                    {
                        context.Console.MarkupLine($"[red]{string.Join("\n", e.Problems).Esc()}[/]");
                    }
                    continue;
                }
                context.Console.MarkupLine("Answer a, r, s, q, or e FIELD=VALUE (e.g. e minerals=lithium,cobalt).");
            }
        }
        context.Console.MarkupLine($"Done: {accepted} accepted, {rejected} rejected, {skipped} skipped.");
        return ExitCodes.Ok;
    }

    private static async Task<int> ListAsync(CliContext context, RegistryStore store, bool json, CancellationToken ct)
    {
        var proposals = (await store.ListAsync(ct)).Where(r => r.Review == ReviewState.Proposed).ToList();
        if (json)
        {
            context.Out.WriteLine(CliJson.Serialize(proposals));
            return ExitCodes.Ok;
        }
        if (proposals.Count == 0)
        {
            context.Console.MarkupLine("No proposals waiting for review.");
            return ExitCodes.Ok;
        }
        foreach (var r in proposals)
        {
            WriteProposal(context, r);
        }
        context.Console.MarkupLine($"[grey]{proposals.Count} proposal(s). Accept with --accept ID or --accept-all, reject with --reject ID, "
            + "edit with --edit ID --set FIELD=VALUE.[/]");
        return ExitCodes.Ok;
    }

    private static void WriteProposal(CliContext context, RegistryRecord r)
    {
        context.Console.MarkupLine($"[bold blue]{r.Id.Esc()}[/] {r.Kind.ToId()} {(r.Instrument ?? "").Esc()} — {r.Title.Esc()}");
        context.Console.MarkupLine($"  parties: {string.Join(", ", r.Parties.Select(p => $"{p} ({PartnersRegistry.PartyName(context, p)})")).Esc()}; "
            + $"date: {(r.Date ?? "?").Esc()}; status: {(r.Status ?? "?").Esc()}; minerals: {string.Join(", ", r.Minerals).Esc()}; "
            + $"areas: {string.Join(", ", r.Areas).Esc()}");
        foreach (var s in r.Sources)
        {
            context.Console.MarkupLine($"  [grey]{s.Document.Esc()}{(s.Published is null ? "" : $" ({s.Published.Esc()})")}[/]");
            foreach (var e in s.Evidence)
            {
                context.Console.MarkupLine($"    [green]“{e.Esc()}”[/]");
            }
        }
    }
}
