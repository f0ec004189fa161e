using Khanij.Testing;

namespace Khanij.Data.Tests;

/// <summary>A <see cref="StoreMode.Shared"/> store (what <c>khanij serve</c> uses): read-only between writes, read-write for the moment
/// of a write; several stores of one process on one file share it. The cross-process side is tested with real processes in
/// Khanij.Web.Tests (StoreSharingTests).</summary>
public sealed class SharedStoreTests(PackStoreFixture fixture)
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Write_OnOneSharedStore_IsReadByAnotherOnTheSameFile()
    {
        // Given: two shared stores of one file in this process (two web hosts in one test process do this)
        string path;
        await using (var copy = fixture.Copy())
        {
            path = copy.DbPath;
        }
        await using var first = await KhanijStore.OpenSharedAsync(path, RepoPaths.Data, Ct);
        await using var second = await KhanijStore.OpenSharedAsync(path, RepoPaths.Data, Ct);
        (await CountAsync(second)).ShouldBe(0);

        // When
        await first.WriteAsync(async (connection, ct) =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO feed_source VALUES ('https://example.org/feed', 'example', NULL, NULL, NULL, NULL, 0, NULL, now())";
            return await command.ExecuteNonQueryAsync(ct);
        }, Ct);

        // Then
        (await CountAsync(second)).ShouldBe(1);
        (await CountAsync(first)).ShouldBe(1);
    }

    [Fact]
    public async Task Write_WaitsForAnOpenReadingConnection_ThenRuns()
    {
        // Given: a reading connection that stays open
        string path;
        await using (var copy = fixture.Copy())
        {
            path = copy.DbPath;
        }
        await using var store = await KhanijStore.OpenSharedAsync(path, RepoPaths.Data, Ct);
        var reader = await store.OpenConnectionAsync(Ct);
        var wrote = new TaskCompletionSource();

        // When: a write starts while the reader is open
        var write = store.WriteAsync(async (connection, ct) =>
        {
            wrote.SetResult();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO feed_source VALUES ('https://example.org/w', 'w', NULL, NULL, NULL, NULL, 0, NULL, now())";
            return await command.ExecuteNonQueryAsync(ct);
        }, Ct);
        // The reader can still read meanwhile: the file was not taken from under it.
        await using (var command = reader.CreateCommand())
        {
            command.CommandText = "SELECT count(*) FROM feed_source";
            Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(0);
        }
        var ranBeforeReaderClosed = wrote.Task.IsCompleted;
        await reader.DisposeAsync();
        (await write).ShouldBe(1);

        // Then
        ranBeforeReaderClosed.ShouldBeFalse();
        (await CountAsync(store)).ShouldBe(1);
    }

    [Fact]
    public async Task ReadOnlyStore_RefusesAWrite_AndReadsLikeTheReadWriteStore()
    {
        // Given: a copy opened read-write once (which adds the registry and feed tables), then read-only
        string path;
        await using (var copy = fixture.Copy())
        {
            path = copy.DbPath;
        }
        await (await KhanijStore.OpenAsync(path, RepoPaths.Data, null, Ct)).DisposeAsync();
        await using var store = await KhanijStore.OpenReadOnlyAsync(path, Ct);

        // When
        var write = await Should.ThrowAsync<StoreUnavailableException>(() => store.WriteAsync((_, _) => Task.FromResult(0), Ct));

        // Then
        store.Mode.ShouldBe(StoreMode.ReadOnly);
        write.Message.ShouldContain("read-only");
        (await store.GetCountsAsync(Ct)).ShouldBe(await fixture.Store.GetCountsAsync(Ct));
    }

    private static async Task<long> CountAsync(KhanijStore store)
    {
        await using var connection = await store.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM feed_source";
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
