using System.Data.Common;
using System.Globalization;

namespace Khanij.Data;

/// <summary>The store's own tables beyond the data pack (registry, feeds, accounts and the audit log), created by numbered migrations that
/// run once per store and are recorded in <c>schema_version</c>, on both engines. The data pack's tables are not migrated: an import
/// replaces them whole (<see cref="Schema.Version"/>).</summary>
internal static class StoreMigrations
{
    public const string VersionTable = "schema_version";

    /// <summary>Every migration, in order. Append only: a released migration is never edited (a store that ran it would not run it again).
    /// DDL is written in DuckDB's types and translated for PostgreSQL (<see cref="DbCommands.Ddl"/>).</summary>
    public static IReadOnlyList<(int Version, string Description, string Sql)> All { get; } =
    [
        (1, "partnership registry: records, source documents, per-record audit trail", Registry.RegistryStore.Schema),
        (2, "news feeds: sources, items read, fetch log", Feeds.FeedStore.Schema),
        (3, "accounts, API tokens, store-wide audit log", Accounts.AccountStore.Schema),
    ];

    public static int Latest => All[^1].Version;

    /// <summary>Runs the migrations the store has not run yet, in one transaction (on PostgreSQL under an advisory lock, so two servers
    /// starting at once do not both run them).</summary>
    public static async Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (connection.IsPostgres())
        {
            await connection.ExecAsync("SELECT pg_advisory_xact_lock(7216013)", [], cancellationToken);
        }
        await connection.ExecAsync(connection.Ddl(
            $"CREATE TABLE IF NOT EXISTS {VersionTable} (version INTEGER PRIMARY KEY, description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"),
            [], cancellationToken);
        var current = await CurrentAsync(connection, cancellationToken);
        foreach (var (version, description, sql) in All.Where(m => m.Version > current))
        {
            await connection.ExecAsync(connection.Ddl(sql), [], cancellationToken);
            await connection.ExecAsync($"INSERT INTO {VersionTable} VALUES ($v, $d, $at)",
                [("v", version), ("d", description), ("at", DateTime.UtcNow)], cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The last migration the store ran; 0 when it ran none.</summary>
    public static async Task<int> CurrentAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (!await connection.TableExistsAsync(VersionTable, cancellationToken))
        {
            return 0;
        }
        await using var command = connection.Command($"SELECT coalesce(max(version), 0) FROM {VersionTable}", []);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
