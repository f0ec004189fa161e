using System.Data;
using System.Data.Common;
using System.Diagnostics;
using DuckDB.NET.Data;

namespace Khanij.Data;

/// <summary>How a <see cref="KhanijStore"/> holds its DuckDB file. DuckDB lets either one process open a file read-write or several
/// processes open it read-only, never both (measured in docs/architecture.md, "Readers never wait").</summary>
public enum StoreMode
{
    /// <summary>Read-write for as long as the store is open (the CLI's writing verbs, tests): no other process can open the file.</summary>
    ReadWrite,

    /// <summary>Read-only: other read-only processes (and a shared server) may read at the same time; writes fail.</summary>
    ReadOnly,

    /// <summary>Read-only between writes, read-write only for the moment of a write (<see cref="KhanijStore.WriteAsync{T}"/>): what
    /// <c>khanij serve</c> uses, so that read-only <c>khanij</c> commands can run while it serves.</summary>
    Shared,
}

/// <summary>The database engine of a store.</summary>
public enum StoreEngine
{
    /// <summary>An embedded DuckDB file (the default).</summary>
    DuckDb,

    /// <summary>A PostgreSQL server, for a shared deployment.</summary>
    PostgreSql,
}

public sealed partial class KhanijStore
{
    /// <summary>How long opening the file waits for another process's write to end before giving up (a shared server holds the file
    /// read-write only for the few tens of milliseconds of a write).</summary>
    internal static TimeSpan LockWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How this store holds its file.</summary>
    public StoreMode Mode { get; }

    /// <summary>Runs <paramref name="work"/> on a read-write connection. For a <see cref="StoreMode.Shared"/> store this waits for the
    /// reads in progress in this process to end, closes the read-only instance, opens the file read-write (waiting up to
    /// <see cref="LockWait"/> for other processes' reads to end), runs the work, and closes the file again, so it is read-write only for the
    /// moment of the write. Reads started inside <paramref name="work"/> (on this store) see the write in progress. Writes are one at a time.</summary>
    /// <exception cref="StoreUnavailableException">The file could not be opened read-write (another process holds it), or the store is
    /// read-only.</exception>
    public async Task<T> WriteAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        switch (Mode)
        {
            case StoreMode.ReadOnly:
                throw new StoreUnavailableException($"The store {DbPath} was opened read-only; this command cannot change it.");
            case StoreMode.Shared:
                return await _shared!.WriteAsync(work, cancellationToken);
            default:
                await using (var connection = await OpenConnectionAsync(cancellationToken))
                {
                    return await work(connection, cancellationToken);
                }
        }
    }

    internal static string ReadOnlyConnectionString(string path) => "Data Source=" + path + ";ACCESS_MODE=READ_ONLY";

    internal static string ReadWriteConnectionString(string path) => "Data Source=" + path;

    /// <summary>Opens <paramref name="connectionString"/>; when another process holds a conflicting lock, tries again every 50 ms for up to
    /// <paramref name="wait"/>, then throws <see cref="StoreUnavailableException"/> saying what to do.</summary>
    internal static async Task<DuckDBConnection> OpenWaitingAsync(string path, string connectionString, bool readOnly, TimeSpan wait,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var connection = new DuckDBConnection(connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                return connection;
            }
            catch (DuckDBException e) when (e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
            {
                await connection.DisposeAsync();
                if (clock.Elapsed >= wait)
                {
                    throw new StoreUnavailableException(InUseMessage(path, readOnly, e.Message), e);
                }
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
            await Task.Delay(50, cancellationToken);
        }
    }

    private static string InUseMessage(string path, bool readOnly, string reason)
    {
        var first = reason.Split('\n', 2)[0].Trim();
        return readOnly
            ? $"The store {path} is held for writing by another process ({first}). Wait for it to finish (a running 'khanij serve' only holds it "
                + "for a moment), or pass --db to use another file."
            : $"The store {path} is open in another process, e.g. a running 'khanij serve' ({first}). Reading commands (risk, brief, partners …) "
                + "work while it runs, but this command changes the store: make the change through the running server (dashboard or API), "
                + "or stop the server and run the command again, or pass --db to use another file.";
    }

    /// <summary>One DuckDB file shared by every <see cref="StoreMode.Shared"/> store of this process (several web hosts in one test
    /// process may serve the same file): one read-only instance, the count of reading connections, and the writer that closes the
    /// instance, writes read-write and hands the file back. Two instances of one file in one process would not see each other's locks, so
    /// the coordination must be per process, not per store.</summary>
    private sealed class SharedFile
    {
        private static readonly Dictionary<string, SharedFile> Files = new(StringComparer.Ordinal);
        private static readonly AsyncLocal<SharedFile?> WritingHere = new();

        private readonly string _path;
        private readonly Lock _gate = new();
        private readonly SemaphoreSlim _writers = new(1, 1);
        private readonly SemaphoreSlim _anchorGate = new(1, 1);
        private int _users;
        private DuckDBConnection? _anchor;
        private int _readers;
        private TaskCompletionSource? _writing;
        private TaskCompletionSource? _drained;

        private SharedFile(string path) => _path = path;

        public static SharedFile Acquire(string path)
        {
            lock (Files)
            {
                if (!Files.TryGetValue(path, out var file))
                {
                    file = new SharedFile(path);
                    Files[path] = file;
                }
                file._users++;
                return file;
            }
        }

        public async ValueTask ReleaseAsync()
        {
            lock (Files)
            {
                if (--_users > 0)
                {
                    return;
                }
                Files.Remove(_path);
            }
            await CloseAnchorAsync();
        }

        /// <summary>A connection for reading: on the read-only instance, or (inside a write of this file on this async flow) on the
        /// read-write one, so a write's own reads do not wait for it.</summary>
        public async Task<DuckDBConnection> OpenReaderAsync(CancellationToken cancellationToken)
        {
            if (WritingHere.Value == this)
            {
                var inner = new DuckDBConnection(ReadWriteConnectionString(_path));
                await inner.OpenAsync(cancellationToken);
                return inner;
            }
            while (true)
            {
                Task wait;
                lock (_gate)
                {
                    if (_writing is null)
                    {
                        _readers++;
                        break;
                    }
                    wait = _writing.Task;
                }
                await wait.WaitAsync(cancellationToken);
            }
            var released = 0;
            void Release()
            {
                if (Interlocked.Exchange(ref released, 1) == 0)
                {
                    ReaderDone();
                }
            }
            DuckDBConnection? connection = null;
            try
            {
                await EnsureAnchorAsync(cancellationToken);
                connection = new DuckDBConnection(ReadOnlyConnectionString(_path));
                connection.StateChange += (_, e) =>
                {
                    if (e.CurrentState == ConnectionState.Closed)
                    {
                        Release();
                    }
                };
                connection.Disposed += (_, _) => Release();
                await connection.OpenAsync(cancellationToken);
                return connection;
            }
            catch
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }
                Release();
                throw;
            }
        }

        public async Task<T> WriteAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
        {
            if (WritingHere.Value == this)
            {
                await using var nested = await OpenReaderAsync(cancellationToken);
                return await work(nested, cancellationToken);
            }
            await _writers.WaitAsync(cancellationToken);
            var writing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            try
            {
                Task drained;
                lock (_gate)
                {
                    _writing = writing;
                    _drained = _readers == 0 ? null : new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    drained = _drained?.Task ?? Task.CompletedTask;
                }
                try
                {
                    await drained.WaitAsync(LockWait, cancellationToken);
                }
                catch (TimeoutException e)
                {
                    throw new StoreUnavailableException(
                        $"The store {_path} is busy with reads that did not end within {LockWait.TotalSeconds:0} s; nothing was changed. Try again.", e);
                }
                await CloseAnchorAsync();
                T result;
                await using (var connection = await OpenWaitingAsync(_path, ReadWriteConnectionString(_path), readOnly: false, LockWait, cancellationToken))
                {
                    WritingHere.Value = this;
                    try
                    {
                        result = await work(connection, cancellationToken);
                    }
                    finally
                    {
                        WritingHere.Value = null;
                    }
                }
                return result;
            }
            finally
            {
                // Hold the file read-only again at once: while this process holds it, no other process can write it behind the back of
                // what this one has cached (a server's facts, its registry version).
                try
                {
                    await EnsureAnchorAsync(CancellationToken.None);
                }
                catch (StoreUnavailableException)
                {
                    // another process took the file in between; the next read waits for it
                }
                lock (_gate)
                {
                    _writing = null;
                    _drained = null;
                }
                writing.SetResult();
                _writers.Release();
            }
        }

        private void ReaderDone()
        {
            lock (_gate)
            {
                _readers--;
                if (_readers == 0)
                {
                    _drained?.TrySetResult();
                }
            }
        }

        private async Task EnsureAnchorAsync(CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _anchor) is not null)
            {
                return;
            }
            await _anchorGate.WaitAsync(cancellationToken);
            try
            {
                _anchor ??= await OpenWaitingAsync(_path, ReadOnlyConnectionString(_path), readOnly: true, LockWait, cancellationToken);
            }
            finally
            {
                _anchorGate.Release();
            }
        }

        private async Task CloseAnchorAsync()
        {
            await _anchorGate.WaitAsync();
            try
            {
                if (_anchor is not null)
                {
                    await _anchor.DisposeAsync();
                    _anchor = null;
                }
            }
            finally
            {
                _anchorGate.Release();
            }
        }
    }
}
