using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Khanij.Core.Catalogue;
using Khanij.Core.Events;
using Khanij.Core.Partners;
using Khanij.Core.Registry;

namespace Khanij.Data.Registry;

/// <summary>The partnership registry in DuckDB: records (as JSON bodies with a few indexed columns), the source documents they cite,
/// and an append-only audit log. Every write runs in one transaction: it happens completely or not at all. Not thread-safe: use one
/// store per connection, as DuckDB connections are.</summary>
/// <remarks>Reads load all records: a registry holds hundreds to a few thousand records, and the queries (merge matching, partner
/// summaries) need most of them anyway.</remarks>
public sealed partial class RegistryStore
{
    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS registry_record (
            id VARCHAR PRIMARY KEY,
            kind VARCHAR NOT NULL,
            review VARCHAR NOT NULL,
            title VARCHAR NOT NULL,
            date VARCHAR,
            body VARCHAR NOT NULL,
            created_at TIMESTAMP NOT NULL,
            updated_at TIMESTAMP NOT NULL);
        CREATE TABLE IF NOT EXISTS registry_document (
            name VARCHAR PRIMARY KEY,
            sha256 VARCHAR NOT NULL,
            chars INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            added_at TIMESTAMP NOT NULL);
        CREATE TABLE IF NOT EXISTS registry_audit (
            seq BIGINT PRIMARY KEY,
            record_id VARCHAR NOT NULL,
            happened_at TIMESTAMP NOT NULL,
            who VARCHAR NOT NULL,
            action VARCHAR NOT NULL,
            changes VARCHAR NOT NULL);
        """;

    private readonly DbConnection _connection;
    private readonly TimeProvider _clock;

    private RegistryStore(DbConnection connection, TimeProvider clock)
    {
        _connection = connection;
        _clock = clock;
    }

    /// <summary>A store on an open connection, creating the registry tables if they are missing.</summary>
    /// <param name="connection">An open connection to the store (DuckDB or PostgreSQL); the caller keeps ownership.</param>
    /// <param name="clock">Clock for audit timestamps (default: the system clock).</param>
    /// <param name="cancellationToken">Cancels the schema creation.</param>
    public static async Task<RegistryStore> OpenAsync(DbConnection connection, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var store = new RegistryStore(connection, clock ?? TimeProvider.System);
        if (!await connection.TableExistsAsync("registry_audit", cancellationToken))
        {
            // (Checked first: a read-only connection could not run the DDL at all.)
            await WriteConflicts.RetryAsync(async ct =>
            {
                await StoreMigrations.ApplyAsync(connection, ct);
                return 0;
            }, "Creating the registry tables", cancellationToken);
        }
        return store;
    }

    /// <summary>Every record, ordered by id.</summary>
    public async Task<IReadOnlyList<RegistryRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<RegistryRecord>();
        await using var command = Command("SELECT body FROM registry_record ORDER BY id", []);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(RegistryJson.Deserialize(reader.GetString(0)));
        }
        return result;
    }

    /// <summary>The record with <paramref name="id"/>, or null.</summary>
    public async Task<RegistryRecord?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var command = Command("SELECT body FROM registry_record WHERE id = $id", [("id", id)]);
        var body = await command.ExecuteScalarAsync(cancellationToken);
        return body is string json ? RegistryJson.Deserialize(json) : null;
    }

    /// <summary>The audit trail of <paramref name="id"/>, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(string id, CancellationToken cancellationToken = default)
    {
        var result = new List<AuditEntry>();
        await using var command = Command(
            "SELECT seq, record_id, happened_at, who, action, changes FROM registry_audit WHERE record_id = $id ORDER BY seq", [("id", id)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var at = DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc);
            var changes = JsonSerializer.Deserialize<List<FieldChange>>(reader.GetString(5), RegistryJson.Options) ?? [];
            result.Add(new AuditEntry(reader.GetInt64(0), reader.GetString(1), new DateTimeOffset(at), reader.GetString(3), reader.GetString(4), changes));
        }
        return result;
    }

    /// <summary>The stored text of a source document, or null when it was not ingested (curated sources have no stored text).</summary>
    public async Task<string?> DocumentTextAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var command = Command("SELECT text FROM registry_document WHERE name = $name", [("name", name)]);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>The partner links the analytics use: accepted records only (see <see cref="RegistryLinks"/>).</summary>
    public async Task<IReadOnlyList<PartnerLink>> PartnerLinksAsync(KhanijCatalogue catalogue, CancellationToken cancellationToken = default) =>
        RegistryLinks.Build(await ListAsync(cancellationToken), catalogue);

    /// <summary>References of <paramref name="record"/> (parent, reviewed records) that are not in <paramref name="ids"/>, as problems.</summary>
    internal static IEnumerable<RegistryProblem> MissingReferences(RegistryRecord record, IReadOnlySet<string> ids)
    {
        if (record.ParentId is { } parent && !ids.Contains(parent))
        {
            yield return new RegistryProblem("parent_id", $"no record has id '{parent}'.");
        }
        foreach (var (reviewed, i) in (record.Occasion?.Reviews ?? []).Select((r, i) => (r, i)))
        {
            if (!ids.Contains(reviewed))
            {
                yield return new RegistryProblem($"occasion.reviews[{i}]", $"no record has id '{reviewed}'.");
            }
        }
    }

    private async Task LinkSessionsAsync(List<RegistryRecord> records, string who, CancellationToken ct)
    {
        foreach (var (occasionId, reviewedId) in SessionLinks.Missing(records))
        {
            var i = records.FindIndex(r => r.Id == occasionId);
            var before = records[i];
            var after = before with { Occasion = before.Occasion! with { Reviews = [.. before.Occasion.Reviews, reviewedId] } };
            await UpdateAsync(after, who, "linked", RecordDiff.Changes(before, after), ct);
            records[i] = after;
        }
    }

    private static string NextId(IEnumerable<RegistryRecord> records, RecordKind kind)
    {
        var prefix = kind.IdPrefix() + "-";
        var max = records.Select(r => r.Id)
            .Where(id => id.StartsWith(prefix, StringComparison.Ordinal))
            .Select(id => int.TryParse(id.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();
        return prefix + (max + 1).ToString("D4", CultureInfo.InvariantCulture);
    }

    private async Task InsertAsync(RegistryRecord record, string who, string action, CancellationToken ct)
    {
        var now = Now();
        await ExecAsync(
            "INSERT INTO registry_record VALUES ($id, $kind, $review, $title, $date, $body, $at, $at)",
            [("id", record.Id), ("kind", record.Kind.ToId()), ("review", ReviewId(record.Review)), ("title", record.Title),
             ("date", record.Date), ("body", RegistryJson.Serialize(record)), ("at", now)], ct);
        await AuditAsync(record.Id, who, action, RecordDiff.Changes(null, record), ct);
    }

    private async Task UpdateAsync(RegistryRecord record, string who, string action, IReadOnlyList<FieldChange> changes, CancellationToken ct)
    {
        await ExecAsync(
            "UPDATE registry_record SET kind = $kind, review = $review, title = $title, date = $date, body = $body, updated_at = $at WHERE id = $id",
            [("id", record.Id), ("kind", record.Kind.ToId()), ("review", ReviewId(record.Review)), ("title", record.Title),
             ("date", record.Date), ("body", RegistryJson.Serialize(record)), ("at", Now())], ct);
        await AuditAsync(record.Id, who, action, changes, ct);
    }

    private async Task AuditAsync(string recordId, string who, string action, IReadOnlyList<FieldChange> changes, CancellationToken ct)
    {
        await ExecAsync(
            "INSERT INTO registry_audit SELECT COALESCE(MAX(seq), 0) + 1, $id, $at, $who, $action, $changes FROM registry_audit",
            [("id", recordId), ("at", Now()), ("who", who), ("action", action), ("changes", JsonSerializer.Serialize(changes, RegistryJson.Options))], ct);
    }

    private async Task<IReadOnlyList<string>> IdsAsync(CancellationToken ct) => [.. (await ListAsync(ct)).Select(r => r.Id)];

    /// <summary>Runs <paramref name="work"/> in one transaction; when a concurrent writer makes DuckDB abort it, runs it again on the
    /// new state (see <see cref="WriteConflicts"/>).</summary>
    private Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct) =>
        WriteConflicts.RetryAsync(async token =>
        {
            // PostgreSQL: serializable, so two reviewers of one record collide (and retry) as they do in DuckDB, instead of both writing.
            await using var transaction = _connection.IsPostgres()
                ? await _connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, token)
                : await _connection.BeginTransactionAsync(token);
            var result = await work(token);
            await transaction.CommitAsync(token);
            return result;
        }, "The registry write", ct);

    private DateTime Now() => _clock.GetUtcNow().UtcDateTime;

    private static string ReviewId(ReviewState state) => state.ToString().ToLowerInvariant();

    private Task ExecAsync(string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken ct) =>
        _connection.ExecAsync(sql, parameters, ct);

    private DbCommand Command(string sql, IReadOnlyList<(string Name, object? Value)> parameters) => _connection.Command(sql, parameters);
}
