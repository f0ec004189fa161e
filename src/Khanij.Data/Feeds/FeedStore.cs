using System.Data.Common;

namespace Khanij.Data.Feeds;

/// <summary>A news feed the curator follows, with what the last fetch left behind.</summary>
/// <param name="Url">The feed's address (RSS 2.0 or Atom).</param>
/// <param name="Name">A short name for listings.</param>
/// <param name="ETag">ETag of the last answer, sent back as If-None-Match.</param>
/// <param name="LastModified">Last-Modified of the last answer, sent back as If-Modified-Since.</param>
/// <param name="LastChecked">When it was last fetched (UTC), or null.</param>
/// <param name="LastError">Why the last fetch failed, or null.</param>
/// <param name="Failures">Failed fetches in a row.</param>
/// <param name="NextAttempt">Not before this time (UTC) after failures, or null.</param>
public sealed record FeedSource(string Url, string Name, string? ETag, string? LastModified, DateTime? LastChecked, string? LastError,
    int Failures, DateTime? NextAttempt);

/// <summary>One line of the fetch log: what was fetched when, and how it went.</summary>
public sealed record FetchLogEntry(DateTime At, string Url, string Kind, int Status, long Bytes, long ElapsedMs, string? Error);

/// <summary>The feed tables of the store: the feeds followed (<c>feed_source</c>), the items already read, by URL and by content hash
/// (<c>feed_item</c>), and the fetch log (<c>feed_fetch_log</c>). Kept apart from the shared schema; created on first use.
/// Not thread-safe (one store per connection, as DuckDB connections are).</summary>
public sealed class FeedStore
{
    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS feed_source (
            url VARCHAR PRIMARY KEY,
            name VARCHAR NOT NULL,
            etag VARCHAR,
            last_modified VARCHAR,
            last_checked TIMESTAMP,
            last_error VARCHAR,
            failures INTEGER NOT NULL,
            next_attempt TIMESTAMP,
            added_at TIMESTAMP NOT NULL);
        CREATE TABLE IF NOT EXISTS feed_item (
            url VARCHAR PRIMARY KEY,
            feed_url VARCHAR NOT NULL,
            sha256 VARCHAR,
            doc_name VARCHAR,
            outcome VARCHAR NOT NULL,
            seen_at TIMESTAMP NOT NULL);
        CREATE TABLE IF NOT EXISTS feed_fetch_log (
            fetched_at TIMESTAMP NOT NULL,
            url VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            status INTEGER NOT NULL,
            bytes BIGINT NOT NULL,
            elapsed_ms BIGINT NOT NULL,
            error VARCHAR);
        """;

    private readonly DbConnection _connection;
    private readonly TimeProvider _clock;

    private FeedStore(DbConnection connection, TimeProvider clock)
    {
        _connection = connection;
        _clock = clock;
    }

    /// <summary>A store on an open connection (the caller keeps ownership), creating the feed tables if they are missing.</summary>
    public static async Task<FeedStore> OpenAsync(DbConnection connection, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var store = new FeedStore(connection, clock ?? TimeProvider.System);
        if (!await connection.TableExistsAsync("feed_fetch_log", cancellationToken))
        {
            await StoreMigrations.ApplyAsync(connection, cancellationToken);
        }
        return store;
    }

    /// <summary>Adds a feed; false when it is already followed (nothing changed).</summary>
    public async Task<bool> AddAsync(string url, string name, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(url, cancellationToken) is not null)
        {
            return false;
        }
        await ExecAsync("INSERT INTO feed_source VALUES ($url, $name, NULL, NULL, NULL, NULL, 0, NULL, $now)",
            [("url", url), ("name", name), ("now", Now())], cancellationToken);
        return true;
    }

    /// <summary>Stops following a feed (its items and log stay); false when it was not followed.</summary>
    public async Task<bool> RemoveAsync(string url, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(url, cancellationToken) is null)
        {
            return false;
        }
        await ExecAsync("DELETE FROM feed_source WHERE url = $url", [("url", url)], cancellationToken);
        return true;
    }

    /// <summary>The feeds followed, by name.</summary>
    public async Task<IReadOnlyList<FeedSource>> ListAsync(CancellationToken cancellationToken = default) =>
        await QueryAsync("SELECT url, name, etag, last_modified, last_checked, last_error, failures, next_attempt FROM feed_source ORDER BY name, url", [], cancellationToken);

    /// <summary>The feed at <paramref name="url"/>, or null.</summary>
    public async Task<FeedSource?> GetAsync(string url, CancellationToken cancellationToken = default) =>
        (await QueryAsync("SELECT url, name, etag, last_modified, last_checked, last_error, failures, next_attempt FROM feed_source WHERE url = $url",
            [("url", url)], cancellationToken)).FirstOrDefault();

    /// <summary>Records a successful fetch of a feed: its new ETag/Last-Modified, failures back to zero.</summary>
    public Task RecordSuccessAsync(string url, string? etag, string? lastModified, CancellationToken cancellationToken = default) =>
        ExecAsync("UPDATE feed_source SET etag = $etag, last_modified = $lm, last_checked = $now, last_error = NULL, failures = 0, next_attempt = NULL WHERE url = $url",
            [("etag", etag), ("lm", lastModified), ("now", Now()), ("url", url)], cancellationToken);

    /// <summary>Records a failed fetch: the error, one more failure, and the earliest next try (doubling from 5 minutes, at most a day).</summary>
    public async Task<DateTime> RecordFailureAsync(string url, string error, CancellationToken cancellationToken = default)
    {
        var failures = ((await GetAsync(url, cancellationToken))?.Failures ?? 0) + 1;
        var next = Now().AddMinutes(Math.Min(24 * 60, 5 * Math.Pow(2, Math.Min(failures - 1, 9))));
        await ExecAsync("UPDATE feed_source SET last_checked = $now, last_error = $error, failures = $f, next_attempt = $next WHERE url = $url",
            [("now", Now()), ("error", error), ("f", failures), ("next", next), ("url", url)], cancellationToken);
        return next;
    }

    /// <summary>True when an item with this page address was already read.</summary>
    public async Task<bool> HasItemAsync(string url, CancellationToken cancellationToken = default) =>
        await ScalarCountAsync("SELECT count(*) FROM feed_item WHERE url = $url", [("url", url)], cancellationToken) > 0;

    /// <summary>The document name under which a page with this content hash was read, or null.</summary>
    public async Task<string?> DocumentWithHashAsync(string sha256, CancellationToken cancellationToken = default)
    {
        await using var command = Command("SELECT coalesce(doc_name, url) FROM feed_item WHERE sha256 = $h LIMIT 1", [("h", sha256)]);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>Remembers an item: its address, content hash, the document name it was stored under and what came of it.</summary>
    public Task RecordItemAsync(string url, string feedUrl, string? sha256, string? docName, string outcome, CancellationToken cancellationToken = default) =>
        ExecAsync("INSERT INTO feed_item VALUES ($url, $feed, $h, $doc, $outcome, $now) ON CONFLICT (url) DO UPDATE SET sha256 = excluded.sha256, "
            + "doc_name = excluded.doc_name, outcome = excluded.outcome, seen_at = excluded.seen_at",
            [("url", url), ("feed", feedUrl), ("h", sha256), ("doc", docName), ("outcome", outcome), ("now", Now())], cancellationToken);

    /// <summary>Appends to the fetch log.</summary>
    public Task LogAsync(string url, string kind, int status, long bytes, long elapsedMs, string? error, CancellationToken cancellationToken = default) =>
        ExecAsync("INSERT INTO feed_fetch_log VALUES ($at, $url, $kind, $status, $bytes, $ms, $error)",
            [("at", Now()), ("url", url), ("kind", kind), ("status", status), ("bytes", bytes), ("ms", elapsedMs), ("error", error)], cancellationToken);

    /// <summary>The fetch log, newest first.</summary>
    public async Task<IReadOnlyList<FetchLogEntry>> LogEntriesAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        var result = new List<FetchLogEntry>();
        await using var command = Command("SELECT fetched_at, url, kind, status, bytes, elapsed_ms, error FROM feed_fetch_log ORDER BY fetched_at DESC LIMIT $n", [("n", limit)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new FetchLogEntry(reader.GetDateTime(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt64(4),
                reader.GetInt64(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
        return result;
    }

    private async Task<List<FeedSource>> QueryAsync(string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken ct)
    {
        var result = new List<FeedSource>();
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(new FeedSource(reader.GetString(0), reader.GetString(1), Str(reader, 2), Str(reader, 3),
                reader.IsDBNull(4) ? null : reader.GetDateTime(4), Str(reader, 5), reader.GetInt32(6), reader.IsDBNull(7) ? null : reader.GetDateTime(7)));
        }
        return result;
    }

    private static string? Str(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private async Task<long> ScalarCountAsync(string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken ct)
    {
        await using var command = Command(sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private DateTime Now() => _clock.GetUtcNow().UtcDateTime;

    private Task ExecAsync(string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken ct) =>
        _connection.ExecAsync(sql, parameters, ct);

    private DbCommand Command(string sql, IReadOnlyList<(string Name, object? Value)> parameters) => _connection.Command(sql, parameters);
}
