using System.Security.Cryptography;
using System.Text;
using Khanij.Core.Catalogue;
using Khanij.Data.Feeds;
using Khanij.Data.Registry;

namespace Khanij.Ingest.Feeds;

/// <summary>What one pass over the feeds did.</summary>
/// <param name="Feeds">Feeds looked at.</param>
/// <param name="FailedFeeds">Feeds that could not be read this time (reported, retried later).</param>
/// <param name="NewItems">Items not seen before whose page was read.</param>
/// <param name="Duplicates">Items skipped: page address or page content already read.</param>
/// <param name="Proposals">Registry proposals created (events and follow-ups).</param>
/// <param name="Messages">One line per notable thing (failures, skips), for the terminal.</param>
public sealed record WatchOutcome(int Feeds, int FailedFeeds, int NewItems, int Duplicates, int Proposals, IReadOnlyList<string> Messages);

/// <summary>One pass of <c>ingest watch</c>: for each followed feed that is due, fetch it (conditional GET), and for each item not read
/// before (by address), fetch its page, skip it when the same content was read under another address (SHA-256 of the page), extract
/// events and add them to the registry as proposals. A failing feed or page is logged, reported and retried on a later pass; it never
/// stops the others. Every fetch is written to the fetch log.</summary>
public sealed class FeedWatcher(FeedStore feeds, RegistryStore registry, FeedFetcher fetcher, IngestPipeline pipeline, KhanijCatalogue catalogue,
    TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Runs one pass. <paramref name="progress"/> receives a line per feed and item.</summary>
    public async Task<WatchOutcome> RunOnceAsync(IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var messages = new List<string>();
        int failed = 0, fresh = 0, duplicates = 0, proposals = 0;
        var sources = await feeds.ListAsync(cancellationToken);
        foreach (var feed in sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (feed.NextAttempt is { } next && next > _clock.GetUtcNow().UtcDateTime)
            {
                progress?.Report($"{feed.Name}: failed before; next try after {next:yyyy-MM-dd HH:mm} UTC");
                continue;
            }
            progress?.Report($"{feed.Name}: fetching {feed.Url}");
            var result = await fetcher.FetchAsync(feed.Url, feed.ETag, feed.LastModified, cancellationToken);
            await feeds.LogAsync(feed.Url, "feed", result.Status, result.Bytes, result.ElapsedMs, result.Error, cancellationToken);
            if (!result.Ok)
            {
                failed++;
                var retry = await feeds.RecordFailureAsync(feed.Url, result.Error ?? $"HTTP {result.Status}", cancellationToken);
                messages.Add($"{feed.Name}: {result.Error}; will retry after {retry:yyyy-MM-dd HH:mm} UTC.");
                continue;
            }
            if (result.NotModified)
            {
                await feeds.RecordSuccessAsync(feed.Url, result.ETag, result.LastModified, cancellationToken);
                progress?.Report($"{feed.Name}: not modified");
                continue;
            }
            IReadOnlyList<FeedEntry> entries;
            try
            {
                entries = FeedParser.Parse(result.Text!, new Uri(result.FinalUrl));
            }
            catch (IngestException e)
            {
                failed++;
                await feeds.RecordFailureAsync(feed.Url, e.Message, cancellationToken);
                messages.Add($"{feed.Name}: {e.Message}");
                continue;
            }
            await feeds.RecordSuccessAsync(feed.Url, result.ETag, result.LastModified, cancellationToken);
            foreach (var entry in entries) // an item listed twice is found by address the second time
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (await feeds.HasItemAsync(entry.Link, cancellationToken))
                {
                    duplicates++;
                    continue;
                }
                var (created, outcome) = await ReadItemAsync(feed, entry, messages, progress, cancellationToken);
                if (outcome == "duplicate")
                {
                    duplicates++;
                }
                else if (outcome != "failed")
                {
                    fresh++;
                }
                proposals += created;
            }
        }
        return new WatchOutcome(sources.Count, failed, fresh, duplicates, proposals, messages);
    }

    private async Task<(int Created, string Outcome)> ReadItemAsync(FeedSource feed, FeedEntry entry, List<string> messages,
        IProgress<string>? progress, CancellationToken ct)
    {
        progress?.Report($"{feed.Name}: reading {entry.Link}");
        var page = await fetcher.FetchAsync(entry.Link, cancellationToken: ct);
        await feeds.LogAsync(entry.Link, "page", page.Status, page.Bytes, page.ElapsedMs, page.Error, ct);
        if (!page.Ok || page.Text is null)
        {
            messages.Add($"{feed.Name}: {entry.Link}: {page.Error ?? "no page"}; will retry on the next pass.");
            return (0, "failed"); // not recorded as an item, so a later pass tries again
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(page.Text)));
        if (await feeds.DocumentWithHashAsync(hash, ct) is { } same)
        {
            await feeds.RecordItemAsync(entry.Link, feed.Url, hash, null, "duplicate of " + same, ct);
            return (0, "duplicate");
        }
        var docName = DocumentName(entry.Link, hash);
        IngestResult result;
        try
        {
            result = pipeline.Extract(docName, Encoding.UTF8.GetBytes(page.Text), isHtml: null, ct);
        }
        catch (IngestException e)
        {
            await feeds.RecordItemAsync(entry.Link, feed.Url, hash, docName, "unreadable", ct);
            messages.Add($"{feed.Name}: {entry.Link}: {e.Message}");
            return (0, "unreadable");
        }
        var outcome = await registry.AddEventsAsync([new SourceDocument(docName, result.Document.Text, result.Document.Title ?? entry.Title)],
            result.Events, "ingest watch", catalogue, ct);
        await feeds.RecordItemAsync(entry.Link, feed.Url, hash, docName, $"{result.Events.Count} event(s), {outcome.Created.Count} new proposal(s)", ct);
        return (outcome.Created.Count, "read");
    }

    /// <summary>A document name for a page: its host and last path segment, made safe, plus a short hash so two pages never share one.</summary>
    internal static string DocumentName(string url, string sha256)
    {
        var uri = new Uri(url);
        var last = uri.Segments.LastOrDefault(s => s.Trim('/').Length > 0)?.Trim('/') ?? "index";
        var safe = new string([.. (uri.Host + "_" + last).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
        if (safe.Length > 80)
        {
            safe = safe[..80];
        }
        var name = safe.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || safe.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
            ? safe[..safe.LastIndexOf('.')] : safe;
        return $"{name}_{sha256[..8]}.html";
    }
}
