using Khanij.Core;
using Khanij.Testing;

namespace Khanij.Data.Tests;

/// <summary>Opening, re-opening, schema upgrades and concurrent reads.</summary>
public sealed class StoreLifecycleTests(PackStoreFixture fixture)
{
    private static async Task SetInfoAsync(KhanijStore store, string key, string value)
    {
        await using var connection = await store.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE {Schema.InfoTable} SET value = '{value}' WHERE key = '{key}'";
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task OpenAsync_CurrentStore_DoesNotImportAgain()
    {
        // Given
        string path;
        await using (var copy = fixture.Copy())
        {
            path = copy.DbPath;
            await SetInfoAsync(copy, "imported_at_utc", "marker");
        }
        var reports = new List<ImportProgress>();

        // When
        await using var store = await KhanijStore.OpenAsync(path, RepoPaths.Data, new SyncProgress(reports), TestContext.Current.CancellationToken);

        // Then
        reports.ShouldBeEmpty();
        (await store.GetInfoAsync(TestContext.Current.CancellationToken))["imported_at_utc"].ShouldBe("marker");
    }

    [Fact]
    public async Task OpenAsync_OlderSchemaVersion_ReimportsWithProgress()
    {
        // Given
        string path;
        await using (var copy = fixture.Copy())
        {
            path = copy.DbPath;
            await SetInfoAsync(copy, "schema_version", "0");
            await SetInfoAsync(copy, "imported_at_utc", "marker");
        }
        var reports = new List<ImportProgress>();

        // When
        await using var store = await KhanijStore.OpenAsync(path, RepoPaths.Data, new SyncProgress(reports), TestContext.Current.CancellationToken);

        // Then
        var info = await store.GetInfoAsync(TestContext.Current.CancellationToken);
        info["schema_version"].ShouldBe(Schema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        info["imported_at_utc"].ShouldNotBe("marker");
        reports.ShouldNotBeEmpty();
        reports.Select(r => r.Done).ShouldBeInOrder();
        reports[^1].Done.ShouldBe(reports[^1].Total);
        (await store.GetCountsAsync(TestContext.Current.CancellationToken)).ShouldBe(await fixture.Store.GetCountsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task OpenAsync_BrokenPackOnFirstUse_ThrowsWithAllErrors()
    {
        // Given
        var dir = fixture.CopyData();
        File.WriteAllText(Path.Combine(dir, "export_restrictions_curated.csv"), "id,country_iso3\n");
        var path = Path.Combine(Path.GetTempPath(), "khanij-first-" + Guid.NewGuid().ToString("N") + ".duckdb");

        // When
        var e = await Should.ThrowAsync<ImportFailedException>(() => KhanijStore.OpenAsync(path, dir, null, TestContext.Current.CancellationToken));

        // Then
        e.Errors.ShouldNotBeEmpty();
        e.Errors.ShouldAllBe(x => x.Source == "export_restrictions_curated.csv");
        (await KhanijStore.IsReadyAsync(path, TestContext.Current.CancellationToken)).ShouldBeFalse();
        File.Delete(path);
    }

    [Fact]
    public async Task GetSupplyAsync_ManyConcurrentReaders_AllSeeTheSameRows()
    {
        // When
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            fixture.Store.GetSupplyAsync("lithium", Stage.Mining, null, null, TestContext.Current.CancellationToken)));

        // Then
        results[0].ShouldNotBeEmpty();
        results.ShouldAllBe(r => r.SequenceEqual(results[0]));
    }

    [Fact]
    public async Task OpenReadOnlyIfReadyAsync_AnswersAsIsReadyAndReadsWhenReady()
    {
        // Given: no file; a file whose schema version is older than this build's; the imported pack
        var missing = Path.Combine(Path.GetTempPath(), "khanij-missing-" + Guid.NewGuid().ToString("N") + ".duckdb");
        string older;
        await using (var copy = fixture.Copy())
        {
            older = copy.DbPath;
            await SetInfoAsync(copy, "schema_version", "0");
        }
        string current;
        await using (var copy = fixture.Copy())
        {
            current = copy.DbPath;
        }

        // When
        var none = await KhanijStore.OpenReadOnlyIfReadyAsync(missing, TestContext.Current.CancellationToken);
        var stale = await KhanijStore.OpenReadOnlyIfReadyAsync(older, TestContext.Current.CancellationToken);
        await using var ready = await KhanijStore.OpenReadOnlyIfReadyAsync(current, TestContext.Current.CancellationToken);

        // Then: null exactly where IsReadyAsync says no, and the ready store reads what the pack holds
        none.ShouldBeNull();
        (await KhanijStore.IsReadyAsync(missing, TestContext.Current.CancellationToken)).ShouldBeFalse();
        File.Exists(missing).ShouldBeFalse();
        stale.ShouldBeNull();
        (await KhanijStore.IsReadyAsync(older, TestContext.Current.CancellationToken)).ShouldBeFalse();
        ready.ShouldNotBeNull();
        ready.Mode.ShouldBe(StoreMode.ReadOnly);
        (await ready.GetCountsAsync(TestContext.Current.CancellationToken)).ShouldBe(await fixture.Store.GetCountsAsync(TestContext.Current.CancellationToken));
    }

    private sealed class SyncProgress(List<ImportProgress> reports) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => reports.Add(value);
    }
}
