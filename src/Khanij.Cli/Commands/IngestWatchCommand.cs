using System.CommandLine;
using System.Globalization;
using Khanij.Application.Localization;
using Khanij.Data.Feeds;
using Khanij.Ingest;
using Khanij.Ingest.Feeds;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij ingest watch [--every 30m] [--once]</c>: read the followed feeds into the registry as proposals.</summary>
internal static class IngestWatchCommand
{
    public static Command Create(CliContext context)
    {
        var every = new Option<string>("--every") { Description = "Time between passes: a number with s, m or h (default 30m).", DefaultValueFactory = _ => "30m" };
        var once = new Option<bool>("--once") { Description = "One pass, then exit." };
        var json = new Option<bool>("--json") { Description = "With --once: print the pass's outcome as JSON." };
        var command = new Command("watch",
            "Read the feeds added with 'khanij feeds add': fetch each (conditional GET, a pause between requests to one host, timeouts, a size "
            + "limit), fetch every new item's page, skip pages already read (same address or same content), extract events and add them "
            + "as proposals for 'khanij partners review'. A feed that fails is reported and retried on a later pass. Every fetch is logged "
            + "in the store.")
        {
            every, once, json, PartnersRegistry.By,
        };
        command.SetHandler(context, async (parse, ct) =>
        {
            var interval = ParseInterval(parse.GetValue(every)!);
            await using var registry = await PartnersRegistry.OpenAsync(context, parse, ct, write: true);
            var feeds = await FeedStore.OpenAsync(registry.Connection, null, ct);
            if ((await feeds.ListAsync(ct)).Count == 0)
            {
                throw new CliException("no feeds are followed; add one with 'khanij feeds add URL'.");
            }
            using var fetcher = new FeedFetcher();
            var pipeline = IngestPipeline.Create(context.Catalogue, context.DataDir, Messages.PhrasebookWith(context.Catalogue));
            var watcher = new FeedWatcher(feeds, registry.Store, fetcher, pipeline, context.Catalogue);
            while (true)
            {
                var outcome = await watcher.RunOnceAsync(new SyncProgress(context.Error), ct);
                if (parse.GetValue(json) && parse.GetValue(once))
                {
                    context.Out.WriteLine(CliJson.Serialize(outcome));
                    return ExitCodes.Ok;
                }
                foreach (var m in outcome.Messages)
                {
                    context.Console.MarkupLine($"[yellow]{m.Esc()}[/]");
                }
                context.Console.MarkupLine($"{DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC: {outcome.Feeds} feed(s), "
                    + $"{outcome.FailedFeeds} failed, {outcome.NewItems} new item(s), {outcome.Duplicates} already read, [green]{outcome.Proposals}[/] new proposal(s).");
                if (parse.GetValue(once))
                {
                    return ExitCodes.Ok;
                }
                context.Console.MarkupLine($"[grey]Next pass in {interval}; Ctrl+C to stop.[/]");
                await Task.Delay(interval, ct);
            }
        });
        return command;
    }

    internal static TimeSpan ParseInterval(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t.Length >= 2 && int.TryParse(t[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            switch (t[^1])
            {
                case 's' when n >= 10:
                    return TimeSpan.FromSeconds(n);
                case 'm':
                    return TimeSpan.FromMinutes(n);
                case 'h':
                    return TimeSpan.FromHours(n);
            }
        }
        throw new CliException($"--every '{text}' is not an interval; expected a whole number with s (at least 10s), m or h, e.g. 30m or 2h.");
    }

    /// <summary>Writes progress lines at once (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
    private sealed class SyncProgress(TextWriter writer) : IProgress<string>
    {
        public void Report(string value) => writer.WriteLine(value);
    }
}
