using System.CommandLine;
using System.Globalization;
using Khanij.Data.Feeds;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij feeds add URL [--name]</c>, <c>feeds list</c>, <c>feeds remove URL</c>: the RSS/Atom feeds <c>ingest watch</c> reads.</summary>
internal static class FeedsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("feeds", "The news feeds (RSS 2.0 or Atom) that 'khanij ingest watch' reads into the registry.");
        command.Subcommands.Add(Add(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Remove(context));
        return command;
    }

    private static Command Add(CliContext context)
    {
        var url = new Argument<string>("URL") { Description = "The feed's address (http or https)." };
        var name = new Option<string?>("--name") { Description = "A short name for listings (default: the host name)." };
        var command = new Command("add", "Follow a feed.") { url, name };
        command.SetHandler(context, async (parse, ct) =>
        {
            var address = CheckUrl(parse.GetValue(url)!);
            await using var registry = await PartnersRegistry.OpenAsync(context, parse, ct, write: true);
            var feeds = await FeedStore.OpenAsync(registry.Connection, null, ct);
            var label = parse.GetValue(name) is { Length: > 0 } n ? n : new Uri(address).Host;
            if (!await feeds.AddAsync(address, label, ct))
            {
                context.Console.MarkupLine($"[yellow]{address.Esc()} is already followed; nothing changed.[/]");
                return ExitCodes.Ok;
            }
            context.Console.MarkupLine($"Following [green]{label.Esc()}[/] ({address.Esc()}). Read it with 'khanij ingest watch --once'.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var command = new Command("list", "The feeds followed, with when each was last read and its last error.") { json };
        command.SetHandler(context, async (parse, ct) =>
        {
            await using var registry = await PartnersRegistry.OpenAsync(context, parse, ct);
            var feeds = await (await FeedStore.OpenAsync(registry.Connection, null, ct)).ListAsync(ct);
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(feeds));
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("name", "url", "last checked (UTC)", "failures", "last error");
            foreach (var f in feeds)
            {
                table.AddRow(f.Name.Esc(), f.Url.Esc(), f.LastChecked?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never",
                    f.Failures.ToString(CultureInfo.InvariantCulture), (f.LastError ?? "").Esc());
            }
            context.Console.Write(table);
            context.Console.MarkupLine($"[grey]{feeds.Count} feed(s).[/]");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Remove(CliContext context)
    {
        var url = new Argument<string>("URL") { Description = "The feed's address, as listed by 'khanij feeds list'." };
        var command = new Command("remove", "Stop following a feed (items already read stay in the registry).") { url };
        command.SetHandler(context, async (parse, ct) =>
        {
            var address = parse.GetValue(url)!.Trim();
            await using var registry = await PartnersRegistry.OpenAsync(context, parse, ct, write: true);
            var feeds = await FeedStore.OpenAsync(registry.Connection, null, ct);
            if (!await feeds.RemoveAsync(address, ct))
            {
                throw new CliException($"'{address}' is not a followed feed; see 'khanij feeds list'.");
            }
            context.Console.MarkupLine($"No longer following {address.Esc()}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string CheckUrl(string text)
    {
        var t = text.Trim();
        if (!Uri.TryCreate(t, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new CliException($"'{text}' is not a feed address; expected an http:// or https:// URL.");
        }
        return uri.ToString();
    }
}
