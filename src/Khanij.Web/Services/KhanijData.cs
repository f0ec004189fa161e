using Khanij.Application;
using Khanij.Core.Facts;
using Khanij.Data;
using Khanij.Data.Accounts;
using Khanij.Data.Registry;
using Microsoft.Extensions.Options;

namespace Khanij.Web.Services;

/// <summary>The store and the data-pack facts the API reads, loaded once per process. The pack's facts only change when
/// <c>khanij data import</c> runs, so they are cached; registry and ingestion tables are read through <see cref="StoreAsync"/> each time.
/// The store is opened <see cref="StoreMode.Shared"/>: read-only while the host runs, read-write only for the moment of each write
/// (<see cref="WriteRegistryAsync"/>), so read-only <c>khanij</c> commands can use the same file meanwhile. Thread-safe.</summary>
internal sealed class KhanijData(IOptions<KhanijWebOptions> options) : IAsyncDisposable
{
    private readonly KhanijWebOptions _options = options.Value;
    private Lazy<Task<KhanijStore>>? _store;
    private Lazy<Task<PackFacts>>? _facts;

    /// <summary>The store file this host uses.</summary>
    public string DbPath => _options.ResolveDbPath();

    /// <summary>The data pack directory.</summary>
    public string DataDir => _options.DataDir ?? DataDirectory.Locate();

    /// <summary>The store, created and imported from the data pack on first use.</summary>
    public Task<KhanijStore> StoreAsync(CancellationToken cancellationToken = default) =>
        LazyInitializer.EnsureInitialized(ref _store, () => new(() => KhanijStore.OpenSharedAsync(DbPath, DataDir, CancellationToken.None)))
            .Value.WaitAsync(cancellationToken);

    /// <summary>Runs <paramref name="work"/>, which only reads, on the partnership registry over one connection to the store. Registry data
    /// is never cached: reviews change it.</summary>
    public async Task<T> WithRegistryAsync<T>(Func<RegistryStore, Task<T>> work, CancellationToken cancellationToken = default)
    {
        var store = await StoreAsync(cancellationToken);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        var registry = await RegistryStore.OpenAsync(connection, null, cancellationToken);
        return await work(registry);
    }

    /// <summary>Runs <paramref name="work"/>, which only reads, on the accounts and audit log.</summary>
    public async Task<T> WithAccountsAsync<T>(Func<AccountStore, Task<T>> work, CancellationToken cancellationToken = default)
    {
        var store = await StoreAsync(cancellationToken);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        return await work(await AccountStore.OpenAsync(connection, null, cancellationToken));
    }

    /// <summary>Runs <paramref name="work"/>, which changes accounts or the audit log (a sign-in counts failures), on a read-write connection.</summary>
    public async Task<T> WriteAccountsAsync<T>(Func<AccountStore, Task<T>> work, CancellationToken cancellationToken = default)
    {
        var store = await StoreAsync(cancellationToken);
        return await store.WriteAsync(async (connection, ct) => await work(await AccountStore.OpenAsync(connection, null, ct)), cancellationToken);
    }

    /// <summary>Runs <paramref name="work"/>, which changes the registry, on a read-write connection (<see cref="KhanijStore.WriteAsync{T}"/>:
    /// the file is read-write only meanwhile; reads of the store inside <paramref name="work"/> see the write in progress).</summary>
    public async Task<T> WriteRegistryAsync<T>(Func<RegistryStore, Task<T>> work, CancellationToken cancellationToken = default)
    {
        var store = await StoreAsync(cancellationToken);
        return await store.WriteAsync(async (connection, ct) => await work(await RegistryStore.OpenAsync(connection, null, ct)), cancellationToken);
    }

    /// <summary>The store's version as far as the analytics can tell: the registry's audit sequence (every accepted, rejected, edited or
    /// imported record moves it). The data pack's own tables only change through <c>khanij data import</c>, which cannot run while this host
    /// holds the store file, and <see cref="FactsAsync"/> is loaded once. Results cached under one version are valid until it moves.</summary>
    /// <remarks>This host is the only writer of its store (DuckDB lets one process hold the file), and every write arrives as a request
    /// with an unsafe method (POST …; <see cref="Limits.WriteTracking"/> counts them). So the version is read from the store while such a
    /// request is running and once after each one ends, and otherwise reused: a cached read then costs no store access at all.</remarks>
    /// <remarks>On PostgreSQL other processes (another server, <c>khanij data import</c>) write the same database, so the version is read
    /// from the database on every call, and a new pack import (its <c>imported_at_utc</c>) also reloads the cached facts.</remarks>
    public async Task<long> VersionAsync(CancellationToken cancellationToken = default)
    {
        var store = await StoreAsync(cancellationToken);
        if (store.Engine == StoreEngine.PostgreSql)
        {
            return await SharedVersionAsync(store, cancellationToken);
        }
        if (Volatile.Read(ref _writesRunning) == 0 && _knownVersion is { } known && known.Epoch == Volatile.Read(ref _writeEpoch))
        {
            return known.Version;
        }
        var epoch = Volatile.Read(ref _writeEpoch);
        var running = Volatile.Read(ref _writesRunning);
        var version = await RegistryFeed.VersionAsync(await StoreAsync(cancellationToken), cancellationToken);
        if (running == 0)
        {
            _knownVersion = new KnownVersion(epoch, version);
        }
        return version;
    }

    /// <summary>A request that may write has started (<see cref="Limits.WriteTracking"/>).</summary>
    public void WriteStarted() => Interlocked.Increment(ref _writesRunning);

    /// <summary>A request that may write has ended, successfully or not.</summary>
    public void WriteEnded()
    {
        Interlocked.Increment(ref _writeEpoch);
        Interlocked.Decrement(ref _writesRunning);
    }

    private async Task<long> SharedVersionAsync(KhanijStore store, CancellationToken cancellationToken)
    {
        var registry = await RegistryFeed.VersionAsync(store, cancellationToken);
        var imported = (await store.GetInfoAsync(cancellationToken)).GetValueOrDefault("imported_at_utc", "");
        lock (_importGate)
        {
            if (_importedAt is null)
            {
                _importedAt = imported;
            }
            else if (_importedAt != imported)
            {
                // The pack was imported again by another process: forget the cached facts; cached answers move to a new version.
                _importedAt = imported;
                _importEpoch++;
                _facts = null;
            }
            return registry + (_importEpoch << 40);
        }
    }

    private readonly Lock _importGate = new();
    private string? _importedAt;
    private long _importEpoch;
    private int _writesRunning;
    private long _writeEpoch;
    private KnownVersion? _knownVersion;

    private sealed record KnownVersion(long Epoch, long Version);

    /// <summary>Supply, trade, restrictions, governance, demand and Sankey facts of the store.</summary>
    public Task<PackFacts> FactsAsync(CancellationToken cancellationToken = default) =>
        LazyInitializer.EnsureInitialized(ref _facts, () => new(() => LoadAsync(CancellationToken.None))).Value.WaitAsync(cancellationToken);

    /// <summary>Releases the store file (the host disposes this singleton when it stops).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_store is { IsValueCreated: true } lazy && lazy.Value.IsCompletedSuccessfully)
        {
            await (await lazy.Value).DisposeAsync();
        }
    }

    private async Task<PackFacts> LoadAsync(CancellationToken cancellationToken)
    {
        var store = await StoreAsync(cancellationToken);
        return new PackFacts(
            await store.GetSupplyAsync(cancellationToken: cancellationToken),
            await store.GetTradeFlowsAsync(cancellationToken: cancellationToken),
            await store.GetRestrictionsAsync(cancellationToken: cancellationToken),
            await store.GetGovernanceAsync(cancellationToken: cancellationToken),
            await store.GetDemandAsync(cancellationToken: cancellationToken),
            await store.GetSankeyFlowsAsync(cancellationToken: cancellationToken),
            await store.GetPublishedSharesAsync(cancellationToken: cancellationToken))
        {
            Recycling = await store.GetRecyclingRatesAsync(cancellationToken: cancellationToken),
        };
    }
}

/// <summary>The data pack's facts as read from the store.</summary>
internal sealed record PackFacts(
    IReadOnlyList<SupplyFact> Supply,
    IReadOnlyList<TradeFlow> Trade,
    IReadOnlyList<ExportRestriction> Restrictions,
    IReadOnlyList<GovernanceScore> Governance,
    IReadOnlyList<DemandFigure> Demand,
    IReadOnlyList<SankeyFlow> Sankey,
    IReadOnlyList<PublishedShare> Published)
{
    /// <summary>The inputs of the risk and brief verbs, from the same facts.</summary>
    public Khanij.Application.RiskInputs RiskInputs => _riskInputs ??= new(Supply, Governance, Restrictions, Trade, Demand, Published) { Recycling = Recycling };

    /// <summary>UNEP recycling estimates (for the score's recycling factor).</summary>
    public IReadOnlyList<RecyclingRate> Recycling { get; init; } = [];

    private Khanij.Application.RiskInputs? _riskInputs;
}
