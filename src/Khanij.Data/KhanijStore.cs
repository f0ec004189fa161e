using System.Globalization;
using DuckDB.NET.Data;
using Khanij.Data.Import;

namespace Khanij.Data;

/// <summary>The embedded DuckDB store holding the data pack. <see cref="OpenAsync"/> creates the file and imports the pack on first use.
/// Every method opens its own connection, so one instance may be shared between threads. The store keeps one connection open while it
/// lives (so the database stays loaded and later connections are cheap); dispose it to release the file.</summary>
public sealed partial class KhanijStore : IAsyncDisposable, IDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _anchorGate = new(1, 1);
    private DuckDBConnection? _anchor;

    private KhanijStore(string dbPath)
    {
        DbPath = Path.GetFullPath(dbPath);
        _connectionString = "Data Source=" + DbPath;
    }

    /// <summary>Full path of the DuckDB file.</summary>
    public string DbPath { get; }

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
        if (!File.Exists(dbPath))
        {
            return false;
        }
        await using var store = new KhanijStore(dbPath);
        return await store.IsCurrentAsync(cancellationToken);
    }

    /// <summary>Reads and checks every file of the pack in <paramref name="dataDir"/>; when there is no error, replaces the store's
    /// tables with it in one transaction. With any error nothing is written and the store keeps its previous contents.</summary>
    public async Task<ImportResult> ImportAsync(string dataDir, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDir);
        var total = PackReader.Steps.Count + Schema.Tables.Count;
        var done = 0;
        var added = AddedSource.ReadManifest(AddedDirectory).Select(a => (a, Path.Combine(AddedDirectory, a.File))).ToList();
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

    /// <summary>The directory holding the files added with <see cref="AddSourceAsync"/> and their manifest.</summary>
    public string AddedDirectory => AddedSource.DirectoryFor(DbPath);

    /// <summary>Sources added with <see cref="AddSourceAsync"/>, in the order they were added.</summary>
    public IReadOnlyList<AddedSource> GetAddedSources() => AddedSource.ReadManifest(AddedDirectory);

    /// <summary>Checks <paramref name="file"/> in its publisher's layout and, only when it and the whole pack are clean, rebuilds the store
    /// with it as a new source (one transaction) and keeps a copy beside the store so later imports include it. With any error nothing
    /// changes: not the store, not the added-sources directory.</summary>
    public async Task<ImportResult> AddSourceAsync(string dataDir, string file, AddedSource source, IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        ArgumentNullException.ThrowIfNull(source);
        var name = Path.GetFileName(file);
        var existing = GetAddedSources();
        var problem = !File.Exists(file) ? $"the file {file} does not exist; expected a file to add."
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
    public async Task<DuckDBConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
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
        command.CommandText = "SELECT message FROM import_warnings ORDER BY rowid";
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
                var anchor = new DuckDBConnection(_connectionString);
                try
                {
                    await anchor.OpenAsync(cancellationToken);
                }
                catch (DuckDBException e) when (e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
                {
                    await anchor.DisposeAsync();
                    throw new StoreUnavailableException(
                        $"The store {DbPath} is in use by another process ({e.Message}). Stop that process (e.g. 'khanij serve'), or pass --db to use another file.", e);
                }
                catch
                {
                    await anchor.DisposeAsync();
                    throw;
                }
                _anchor = anchor;
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
        if (_anchor is not null)
        {
            await _anchor.DisposeAsync();
            _anchor = null;
        }
        _anchorGate.Dispose();
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose()
    {
        _anchor?.Dispose();
        _anchor = null;
        _anchorGate.Dispose();
    }

    private async Task<bool> IsCurrentAsync(CancellationToken cancellationToken)
    {
        var info = await GetInfoAsync(cancellationToken);
        return info.TryGetValue("schema_version", out var version) && version == Schema.Version.ToString(CultureInfo.InvariantCulture);
    }

    private async Task<IReadOnlyDictionary<string, long>> TryGetCountsAsync(CancellationToken cancellationToken) =>
        await IsCurrentAsync(cancellationToken) ? await GetCountsAsync(cancellationToken) : new Dictionary<string, long>();

    private static async Task<bool> TableExistsAsync(DuckDBConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_name = $name";
        command.Parameters.Add(new DuckDBParameter("name", table));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }
}
