using System.Text.Json;
using Khanij.Testing;

namespace Khanij.Data.Tests;

/// <summary>The store on a real PostgreSQL server: the same pack import gives the same reads as the DuckDB store the assembly fixture
/// imported (every read the risk, brief, simulate and sheet services use), an interrupted import leaves the previous contents, and the
/// registry/feed migrations run once.</summary>
public sealed class PostgresStoreTests(PackStoreFixture duck, PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_SamePack_EveryReadEqualsTheDuckDbStore()
    {
        // Given
        var uri = await postgres.NewDatabaseAsync();

        // When
        await using var store = await KhanijStore.OpenAsync(uri, RepoPaths.Data, null, Ct);

        // Then
        store.Engine.ShouldBe(StoreEngine.PostgreSql);
        store.DbPath.ShouldNotContain((await postgres.ClusterAsync()).Password);
        var reference = duck.Store;
        (await store.GetCountsAsync(Ct)).ShouldBe(await reference.GetCountsAsync(Ct));
        Same(await store.GetSupplyAsync(cancellationToken: Ct), await reference.GetSupplyAsync(cancellationToken: Ct));
        Same(await store.GetReservesAsync(cancellationToken: Ct), await reference.GetReservesAsync(cancellationToken: Ct));
        Same(await store.GetTradeFlowsAsync(cancellationToken: Ct), await reference.GetTradeFlowsAsync(cancellationToken: Ct));
        Same(await store.GetTradeCodesAsync(cancellationToken: Ct), await reference.GetTradeCodesAsync(cancellationToken: Ct));
        Same(await store.GetGovernanceAsync(cancellationToken: Ct), await reference.GetGovernanceAsync(cancellationToken: Ct));
        Same(await store.GetGovernanceAsync("PV", 2022, Ct), await reference.GetGovernanceAsync("PV", 2022, Ct));
        Same(await store.GetRestrictionsAsync(cancellationToken: Ct), await reference.GetRestrictionsAsync(cancellationToken: Ct));
        Same(await store.GetBatteryIntensitiesAsync(cancellationToken: Ct), await reference.GetBatteryIntensitiesAsync(cancellationToken: Ct));
        Same(await store.GetDemandAsync(cancellationToken: Ct), await reference.GetDemandAsync(cancellationToken: Ct));
        Same(await store.GetSankeyFlowsAsync(cancellationToken: Ct), await reference.GetSankeyFlowsAsync(cancellationToken: Ct));
        Same(await store.GetPublishedSharesAsync(cancellationToken: Ct), await reference.GetPublishedSharesAsync(cancellationToken: Ct));
        Same(await store.GetTradeExtractsAsync(cancellationToken: Ct), await reference.GetTradeExtractsAsync(cancellationToken: Ct));
        Same(await store.GetRecyclingRatesAsync(cancellationToken: Ct), await reference.GetRecyclingRatesAsync(cancellationToken: Ct));
        Same(await store.GetReportedFactsAsync(cancellationToken: Ct), await reference.GetReportedFactsAsync(cancellationToken: Ct));
        Same(await store.GetDatasetsAsync(Ct), await reference.GetDatasetsAsync(Ct));
        Same(await store.GetSourcesAsync(Ct), await reference.GetSourcesAsync(Ct));
        Same(await store.GetImportWarningsAsync(Ct), await reference.GetImportWarningsAsync(Ct));
        // A filtered read, as the risk verb makes one
        Same(await store.GetSupplyAsync("lithium", Core.Stage.Mining, null, "usgs", Ct),
            await reference.GetSupplyAsync("lithium", Core.Stage.Mining, null, "usgs", Ct));
    }

    [Fact]
    public async Task Import_InterruptedWhileWriting_LeavesThePreviousContents()
    {
        // Given: an imported database
        var uri = await postgres.NewDatabaseAsync();
        await using var store = await KhanijStore.OpenAsync(uri, RepoPaths.Data, null, Ct);
        var countsBefore = await store.GetCountsAsync(Ct);
        var infoBefore = await store.GetInfoAsync(Ct);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var progress = new CancelOn("writing trade_flows", cancel);

        // When: the second import is cancelled after it has dropped, re-created and filled the first tables
        await Should.ThrowAsync<OperationCanceledException>(() => store.ImportAsync(RepoPaths.Data, progress, cancel.Token));

        // Then
        progress.Seen.ShouldContain("writing supply_facts");
        (await store.GetCountsAsync(Ct)).ShouldBe(countsBefore);
        (await store.GetInfoAsync(Ct)).ShouldBe(infoBefore);
    }

    [Fact]
    public async Task Open_Twice_RunsEachMigrationOnce()
    {
        // Given
        var uri = await postgres.NewDatabaseAsync();
        await (await KhanijStore.OpenAsync(uri, RepoPaths.Data, null, Ct)).DisposeAsync();

        // When
        await using var store = await KhanijStore.OpenAsync(uri, RepoPaths.Data, null, Ct);

        // Then
        await using var connection = await store.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version ORDER BY version";
        var versions = new List<int>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                versions.Add(reader.GetInt32(0));
            }
        }
        versions.ShouldBe(Enumerable.Range(1, StoreMigrations.Latest));
    }

    private static void Same<T>(IReadOnlyList<T> actual, IReadOnlyList<T> expected)
    {
        actual.Count.ShouldBe(expected.Count, typeof(T).Name);
        expected.Count.ShouldBeGreaterThan(0, typeof(T).Name);
        JsonSerializer.Serialize(actual).ShouldBe(JsonSerializer.Serialize(expected), typeof(T).Name);
    }

    /// <summary>Cancels <paramref name="cancel"/> when the import reports <paramref name="step"/> (synchronously, as the writer reports).</summary>
    private sealed class CancelOn(string step, CancellationTokenSource cancel) : IProgress<ImportProgress>
    {
        public List<string> Seen { get; } = [];

        public void Report(ImportProgress value)
        {
            Seen.Add(value.Step);
            if (value.Step == step)
            {
                cancel.Cancel();
            }
        }
    }
}
