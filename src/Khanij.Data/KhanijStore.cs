using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;
using Khanij.Data.Import;
using Npgsql;

namespace Khanij.Data;

/// <summary>The store holding the data pack, the registry and the other tables: the embedded DuckDB file (default), or a PostgreSQL
/// database (<see cref="StoreLocation"/>), with the same tables, reads and all-or-nothing import on both. <see cref="OpenAsync"/> creates
/// the store and imports the pack on first use. Every method opens its own connection, so one instance may be shared between threads.
/// A DuckDB store keeps one connection open while it lives (so the database stays loaded and later connections are cheap); dispose it to
/// release the file. A PostgreSQL store keeps a connection pool.</summary>
public sealed partial class KhanijStore : IAsyncDisposable, IDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _anchorGate = new(1, 1);
    private readonly SharedFile? _shared;
    private readonly NpgsqlDataSource? _postgres;
    private DuckDBConnection? _anchor;

    private KhanijStore(string dbPath, StoreMode mode = StoreMode.ReadWrite)
    {
        if (StoreLocation.IsPostgres(dbPath))
        {
            // A server: no file to share or lock; every mode reads and writes through the pool (the server's own roles restrict writes).
            Engine = StoreEngine.PostgreSql;
            DbPath = StoreLocation.Display(dbPath);
            Mode = StoreMode.ReadWrite;
            _connectionString = "";
            _postgres = NpgsqlDataSource.Create(StoreLocation.ToConnectionString(dbPath));
            return;
        }
        DbPath = Path.GetFullPath(dbPath);
        Mode = mode;
        _connectionString = mode == StoreMode.ReadOnly ? ReadOnlyConnectionString(DbPath) : ReadWriteConnectionString(DbPath);
        if (mode == StoreMode.Shared)
        {
            _shared = SharedFile.Acquire(DbPath);
        }
    }

    /// <summary>Full path of the DuckDB file; for PostgreSQL, the URI without its password.</summary>
    public string DbPath { get; }

    /// <summary>The database engine holding this store.</summary>
    public StoreEngine Engine { get; }

    /// <summary>Opens the store at <paramref name="dbPath"/>, creating its directory and file when needed. When the file has never been
    /// imported, or was built by an older schema, the pack in <paramref name="dataDir"/> is imported first (reported through
    /// <paramref name="progress"/>).</summary>
    /// <exception cref="ImportFailedException">The first import found errors in the pack; the store holds nothing.</exception>
    public static async Task<KhanijStore> OpenAsync(string dbPath, string dataDir, IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dbPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDir);
        var store = new KhanijStore(dbPath);
        try
        {
            if (!await store.IsCurrentAsync(cancellationToken))
            {
                var result = await store.ImportAsync(dataDir, progress, cancellationToken);
                if (!result.Succeeded)
                {
                    throw new ImportFailedException(result.Errors);
                }
            }
            await store.EnsureSideTablesAsync(cancellationToken);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens the imported store at <paramref name="dbPath"/> read-only, so that other read-only processes, and a running
    /// <c>khanij serve</c> (<see cref="StoreMode.Shared"/>), can use it at the same time. Waits up to <see cref="LockWait"/> while another
    /// process is writing. Follow <see cref="IsReadyAsync"/>: a store that still needs its import must be opened with <see cref="OpenAsync"/>.</summary>
    /// <exception cref="StoreUnavailableException">Another process held the file for writing throughout.</exception>
    public static async Task<KhanijStore> OpenReadOnlyAsync(string dbPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dbPath);
        if (StoreLocation.IsPostgres(dbPath))
        {
            return await OpenAsync(dbPath, DataDirectory.Locate(), null, cancellationToken);
        }
        var store = new KhanijStore(dbPath, StoreMode.ReadOnly);
        try
        {
            if (await store.HasSideTablesAsync(cancellationToken))
            {
                return store;
            }
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
        // A store imported before the registry and feed tables were created with it: create them once, read-write, then read.
        await store.DisposeAsync();
        await (await OpenAsync(dbPath, DataDirectory.Locate(), null, cancellationToken)).DisposeAsync();
        return new KhanijStore(dbPath, StoreMode.ReadOnly);
    }

    /// <summary>The imported store at <paramref name="dbPath"/> opened read-only, as <see cref="OpenReadOnlyAsync"/>, when
    /// <see cref="IsReadyAsync"/> would say so; else null (no file, never imported, or an older schema: open it with <see cref="OpenAsync"/>).
    /// One DuckDB open answers both questions, where asking <see cref="IsReadyAsync"/> first loaded the database twice (a tenth of a
    /// reading command's start).</summary>
    /// <exception cref="StoreUnavailableException">Another process held the file for writing throughout.</exception>
    public static async Task<KhanijStore?> OpenReadOnlyIfReadyAsync(string dbPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dbPath);
        if (StoreLocation.IsPostgres(dbPath))
        {
            return await IsReadyAsync(dbPath, cancellationToken) ? await OpenReadOnlyAsync(dbPath, cancellationToken) : null;
        }
        if (!File.Exists(dbPath))
        {
            return null;
        }
        var store = new KhanijStore(dbPath, StoreMode.ReadOnly);
        try
        {
            if (!await store.IsCurrentAsync(cancellationToken))
            {
                await store.DisposeAsync();
                return null;
            }
            if (await store.HasSideTablesAsync(cancellationToken))
            {
                return store;
            }
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
        await store.DisposeAsync();
        return await OpenReadOnlyAsync(dbPath, cancellationToken);
    }

    /// <summary>Opens the store at <paramref name="dbPath"/> for a server: imported (from <paramref name="dataDir"/>) when it needs it, then
    /// held read-only and made read-write only for each write (<see cref="StoreMode.Shared"/>), so read-only <c>khanij</c> commands can run
    /// while the server does. Stores of this process on the same file share one read-only instance.</summary>
    public static async Task<KhanijStore> OpenSharedAsync(string dbPath, string dataDir, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dbPath);
        if (StoreLocation.IsPostgres(dbPath))
        {
            return await OpenAsync(dbPath, dataDir, null, cancellationToken);
        }
        var store = new KhanijStore(dbPath, StoreMode.Shared);
        try
        {
            await store.WriteAsync(async (_, ct) =>
            {
                // Inside the write the file is held read-write by this process; the import and the schema check run on it.
                if (!await store.IsCurrentAsync(ct))
                {
                    var result = await store.ImportCoreAsync(dataDir, null, ct);
                    if (!result.Succeeded)
                    {
                        throw new ImportFailedException(result.Errors);
                    }
                }
                await store.EnsureSideTablesAsync(ct);
                return 0;
            }, cancellationToken);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>The store at <paramref name="dbPath"/> as it is, without importing anything; follow with <see cref="ImportAsync"/>.
    /// Read methods fail on a store that was never imported.</summary>
    public static KhanijStore At(string dbPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dbPath);
        return new KhanijStore(dbPath);
    }

    /// <summary>True when a store exists at <paramref name="dbPath"/> with a completed import of the current schema, i.e. opening it will
    /// not import.</summary>
    public static async Task<bool> IsReadyAsync(string dbPath, CancellationToken cancellationToken = default)
    {
        if (!StoreLocation.IsPostgres(dbPath) && !File.Exists(dbPath))
        {
            return false;
        }
        await using var store = new KhanijStore(dbPath, StoreMode.ReadOnly);
        return await store.IsCurrentAsync(cancellationToken);
    }

    /// <summary>Reads and checks every file of the pack in <paramref name="dataDir"/>; when there is no error, replaces the store's
    /// tables with it in one transaction. With any error nothing is written and the store keeps its previous contents.</summary>
    public Task<ImportResult> ImportAsync(string dataDir, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        WriteAsync((_, ct) => ImportCoreAsync(dataDir, progress, ct), cancellationToken);

    private async Task<ImportResult> ImportCoreAsync(string dataDir, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDir);
        var total = PackReader.Steps.Count + Schema.Tables.Count;
        var done = 0;
        var added = GetAddedSources().Select(a => (a, Path.Combine(AddedDirectory, a.File))).ToList();
        var (data, errors) = PackReader.Read(dataDir, added, name => progress?.Report(new ImportProgress("reading " + name, done++, total)), cancellationToken);
        if (errors.Count > 0)
        {
            return new ImportResult(errors, await TryGetCountsAsync(cancellationToken));
        }
        await using (var connection = await OpenConnectionAsync(cancellationToken))
        {
            PackWriter.Write(connection, data, dataDir, name => progress?.Report(new ImportProgress("writing " + name, done++, total)), cancellationToken);
        }
        progress?.Report(new ImportProgress("done", total, total));
        return new ImportResult([], await GetCountsAsync(cancellationToken)) { Warnings = data.Warnings };
    }

    /// <summary>The directory holding the files added with <see cref="AddSourceAsync"/> and their manifest (beside a DuckDB file; a
    /// PostgreSQL store has none: added sources are a DuckDB feature for now).</summary>
    public string AddedDirectory => Engine == StoreEngine.PostgreSql ? "" : AddedSource.DirectoryFor(DbPath);

    /// <summary>Sources added with <see cref="AddSourceAsync"/>, in the order they were added.</summary>
    public IReadOnlyList<AddedSource> GetAddedSources() => Engine == StoreEngine.PostgreSql ? [] : AddedSource.ReadManifest(AddedDirectory);

    /// <summary>Checks <paramref name="file"/> in its publisher's layout and, only when it and the whole pack are clean, rebuilds the store
    /// with it as a new source (one transaction) and keeps a copy beside the store so later imports include it. With any error nothing
    /// changes: not the store, not the added-sources directory.</summary>
    public Task<ImportResult> AddSourceAsync(string dataDir, string file, AddedSource source, IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        WriteAsync((_, ct) => AddSourceCoreAsync(dataDir, file, source, progress, ct), cancellationToken);

    private async Task<ImportResult> AddSourceCoreAsync(string dataDir, string file, AddedSource source, IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        ArgumentNullException.ThrowIfNull(source);
        var name = Path.GetFileName(file);
        var existing = GetAddedSources();
        var problem = Engine == StoreEngine.PostgreSql
                ? "adding a source file is possible for a DuckDB store only (the copy is kept beside the file); add it to a DuckDB store, or put it into the data pack and run 'khanij data import'."
            : !File.Exists(file) ? $"the file {file} does not exist; expected a file to add."
            : !AddedSource.Formats.Contains(source.Format) ? $"unknown format '{source.Format}'; expected one of {string.Join(", ", AddedSource.Formats)}."
            : File.Exists(Path.Combine(dataDir, name)) ? $"a file named {name} is part of the data pack; rename the file to add it as a new source."
            : existing.FirstOrDefault(a => a.File == name) is { } same ? $"a file named {name} was already added (as {same.Dataset}, {same.Edition}); "
                + "expected a new file."
            : existing.FirstOrDefault(a => a.Dataset == source.Dataset && a.Edition == source.Edition && a.MineralId == source.MineralId) is { } dup
                ? $"{dup.File} already holds {source.Dataset} {source.Edition}{(source.MineralId.Length > 0 ? " for " + source.MineralId : "")}; "
                    + "expected a new edition (pass --edition or --source)."
            : null;
        if (problem is not null)
        {
            return new ImportResult([new ImportError(name, 0, 0, problem)], await TryGetCountsAsync(cancellationToken));
        }
        var entry = source with { File = name, AddedUtc = AddedSource.Now() };
        var added = existing.Select(a => (a, Path.Combine(AddedDirectory, a.File))).Append((entry, Path.GetFullPath(file))).ToList();
        var total = PackReader.Steps.Count + Schema.Tables.Count + added.Count;
        var done = 0;
        var (data, errors) = PackReader.Read(dataDir, added, n => progress?.Report(new ImportProgress("reading " + n, done++, total)), cancellationToken);
        if (errors.Count > 0)
        {
            return new ImportResult(errors, await TryGetCountsAsync(cancellationToken));
        }
        Directory.CreateDirectory(AddedDirectory);
        var target = Path.Combine(AddedDirectory, name);
        var staging = target + ".adding";
        File.Copy(file, staging, overwrite: true);
        try
        {
            await using (var connection = await OpenConnectionAsync(cancellationToken))
            {
                PackWriter.Write(connection, data, dataDir, n => progress?.Report(new ImportProgress("writing " + n, done++, total)), cancellationToken);
            }
            File.Move(staging, target, overwrite: false);
            AddedSource.WriteManifest(AddedDirectory, [.. existing, entry]);
        }
        finally
        {
            File.Delete(staging);
        }
        progress?.Report(new ImportProgress("done", total, total));
        return new ImportResult([], await GetCountsAsync(cancellationToken));
    }

    /// <summary>Files of the pack in <paramref name="dataDir"/> that differ from what the store imported (changed, missing, or new
    /// top-level data files), so callers can say the store is out of date. Empty when the store matches.</summary>
    public async Task<IReadOnlyList<string>> FindChangedSourcesAsync(string dataDir, CancellationToken cancellationToken = default)
    {
        var imported = (await GetSourcesAsync(cancellationToken)).ToDictionary(s => s.File, s => s.Sha256, StringComparer.Ordinal);
        var changed = new List<string>();
        var addedFiles = GetAddedSources().Select(a => a.File).ToHashSet(StringComparer.Ordinal);
        foreach (var (file, sha) in imported)
        {
            string? path;
            if (addedFiles.Contains(file))
            {
                path = Path.Combine(AddedDirectory, file);
                if (!File.Exists(path))
                {
                    path = null;
                }
            }
            else if (Import.PackFile.Check(dataDir, file, out var checkedPath) is null)
            {
                path = checkedPath;
            }
            else
            {
                path = null;
            }
            if (path is null)
            {
                changed.Add(file + " (missing or not a readable file)");
                continue;
            }
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            if (!string.Equals(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), sha, StringComparison.Ordinal))
            {
                changed.Add(file);
            }
        }
        changed.AddRange(Directory.EnumerateFiles(dataDir, "*.csv").Concat(Directory.EnumerateFiles(dataDir, "*.json"))
            .Select(Path.GetFileName).OfType<string>().Where(f => !imported.ContainsKey(f)).Order(StringComparer.Ordinal).Select(f => f + " (new)"));
        return changed;
    }

    /// <summary>An open connection to the store, for components that keep tables of their own. The caller disposes it.</summary>
    /// <remarks>On a <see cref="StoreMode.Shared"/> store the connection is read-only (except inside <see cref="WriteAsync{T}"/>) and a
    /// write waits until it is disposed: dispose it promptly.</remarks>
    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null)
        {
            try
            {
                return await _postgres.OpenConnectionAsync(cancellationToken);
            }
            catch (NpgsqlException e) when (e is not PostgresException || e is PostgresException { SqlState: "28P01" or "28000" or "3D000" })
            {
                throw new StoreUnavailableException($"Could not connect to the store {DbPath}: {e.Message}. Check the address, the user and password "
                    + "(PGPASSWORD or ~/.pgpass), and that the server is running.", e);
            }
        }
        if (_shared is not null)
        {
            return await _shared.OpenReaderAsync(cancellationToken);
        }
        await EnsureAnchorAsync(cancellationToken);
        var connection = new DuckDBConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Rows per table of the store's own tables (in schema order).</summary>
    public async Task<IReadOnlyDictionary<string, long>> GetCountsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, _) in Schema.Tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM {name}";
            counts[name] = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
        return counts;
    }

    /// <summary>Warnings recorded by the last import (e.g. the cross-source check), in the order found; empty for an older store.</summary>
    public async Task<IReadOnlyList<string>> GetImportWarningsAsync(CancellationToken cancellationToken = default)
    {
        var warnings = new List<string>();
        await using var connection = await OpenConnectionAsync(cancellationToken);
        if (!await TableExistsAsync(connection, "import_warnings", cancellationToken))
        {
            return warnings;
        }
        await using var command = connection.CreateCommand();
        // In the order written: DuckDB's row id; PostgreSQL's physical position (the table is written once by one COPY and never updated).
        command.CommandText = "SELECT message FROM import_warnings ORDER BY " + (Engine == StoreEngine.PostgreSql ? "ctid" : "rowid");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            warnings.Add(reader.GetString(0));
        }
        return warnings;
    }

    /// <summary>Facts about the store itself: schema version, when it was imported and from which directory.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetInfoAsync(CancellationToken cancellationToken = default)
    {
        var info = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        if (!await TableExistsAsync(connection, Schema.InfoTable, cancellationToken))
        {
            return info;
        }
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT key, value FROM {Schema.InfoTable}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            info[reader.GetString(0)] = reader.GetString(1);
        }
        return info;
    }

    /// <summary>Opens the long-lived connection once. DuckDB.NET shares one database instance between the open connections to a file,
    /// so while this one is open, opening another does not reload the database (about 50 ms for the pack).</summary>
    private async Task EnsureAnchorAsync(CancellationToken cancellationToken)
    {
        if (_anchor is not null)
        {
            return;
        }
        await _anchorGate.WaitAsync(cancellationToken);
        try
        {
            if (_anchor is null)
            {
                var directory = Path.GetDirectoryName(DbPath);
                if (!string.IsNullOrEmpty(directory))
                {
                    Directory.CreateDirectory(directory);
                }
                // A reader waits out another process's write (a shared server writes for a moment); a writer waits briefly for readers.
                var readOnly = Mode == StoreMode.ReadOnly;
                _anchor = await OpenWaitingAsync(DbPath, _connectionString, readOnly, readOnly ? LockWait : TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
        finally
        {
            _anchorGate.Release();
        }
    }

    /// <summary>Closes the long-lived connection; connections handed out earlier stay usable until their owners dispose them.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_shared is not null && Interlocked.Exchange(ref _released, 1) == 0)
        {
            await _shared.ReleaseAsync();
        }
        if (_anchor is not null)
        {
            await _anchor.DisposeAsync();
            _anchor = null;
        }
        _anchorGate.Dispose();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose()
    {
        if (_shared is not null && Interlocked.Exchange(ref _released, 1) == 0)
        {
            _shared.ReleaseAsync().AsTask().GetAwaiter().GetResult();
        }
        _anchor?.Dispose();
        _anchor = null;
        _anchorGate.Dispose();
        _postgres?.Dispose();
    }

    private int _released;

    /// <summary>Runs the migrations the store has not run (registry, feeds, …), so that read-only opens find every table.</summary>
    private async Task EnsureSideTablesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        if (await StoreMigrations.CurrentAsync(connection, cancellationToken) < StoreMigrations.Latest)
        {
            await Registry.WriteConflicts.RetryAsync(async ct =>
            {
                await StoreMigrations.ApplyAsync(connection, ct);
                return 0;
            }, "Creating the store's tables", cancellationToken);
        }
    }

    private async Task<bool> HasSideTablesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await StoreMigrations.CurrentAsync(connection, cancellationToken) >= StoreMigrations.Latest;
    }

    private async Task<bool> IsCurrentAsync(CancellationToken cancellationToken)
    {
        var info = await GetInfoAsync(cancellationToken);
        return info.TryGetValue("schema_version", out var version) && version == Schema.Version.ToString(CultureInfo.InvariantCulture);
    }

    private async Task<IReadOnlyDictionary<string, long>> TryGetCountsAsync(CancellationToken cancellationToken) =>
        await IsCurrentAsync(cancellationToken) ? await GetCountsAsync(cancellationToken) : new Dictionary<string, long>();

    internal static Task<bool> TableExistsAsync(DbConnection connection, string table, CancellationToken cancellationToken) =>
        connection.TableExistsAsync(table, cancellationToken);
}
