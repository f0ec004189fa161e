using System.Data.Common;
using Khanij.Data.Registry;
using Khanij.Data.Tests.Registry;
using Khanij.Testing;
using Npgsql;

namespace Khanij.Data.Tests;

/// <summary>One throwaway PostgreSQL cluster per test class (<see cref="PostgresCluster"/>), started on first use; every test takes a
/// fresh database from it. Tests skip, saying why, where PostgreSQL is not installed.</summary>
public sealed class PostgresFixture : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PostgresCluster? _cluster;

    /// <summary>The running cluster (started now if it is not yet).</summary>
    public async Task<PostgresCluster> ClusterAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return _cluster ??= await PostgresCluster.StartAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The URI of a new, empty database.</summary>
    public async Task<string> NewDatabaseAsync() => await (await ClusterAsync()).CreateDatabaseAsync();

    /// <summary>A registry in a new database, with the registry tests' fixed clock.</summary>
    public async Task<(DbConnection Connection, RegistryStore Store)> OpenRegistryAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(StoreLocation.ToConnectionString(await NewDatabaseAsync()));
        await connection.OpenAsync(ct);
        return (connection, await RegistryStore.OpenAsync(connection, new FixedClock(RegistryFixtures.ClockTime), ct));
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
        _gate.Dispose();
    }
}
