using Khanij.Testing;

namespace Khanij.Data.Tests;

/// <summary>One import of the real data pack into a temp DuckDB file, shared by the tests of a class. Tests that change a store
/// work on their own copy of the file (<see cref="CopyAsync"/>).</summary>
public sealed class PackStoreFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("khanij-data-tests-");

    public KhanijStore Store { get; private set; } = null!;

    public string DbPath => Path.Combine(_dir.FullName, "pack.duckdb");

    public async ValueTask InitializeAsync() =>
        Store = await KhanijStore.OpenAsync(DbPath, RepoPaths.Data, null, TestContext.Current.CancellationToken);

    /// <summary>A copy of the imported store in a fresh file, for tests that import into it.</summary>
    public KhanijStore Copy()
    {
        var path = Path.Combine(_dir.FullName, Guid.NewGuid().ToString("N") + ".duckdb");
        File.Copy(DbPath, path);
        return KhanijStore.At(path);
    }

    /// <summary>A copy of the bundled data directory that a test may corrupt.</summary>
    public string CopyData()
    {
        var target = Path.Combine(_dir.FullName, "data-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Data, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(RepoPaths.Data, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    /// <summary>Per table: row count and an order-independent hash of every row, plus the store-info rows. Equal fingerprints mean
    /// equal contents.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> FingerprintAsync(KhanijStore store)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var connection = await store.OpenConnectionAsync(TestContext.Current.CancellationToken);
        foreach (var (name, _) in Schema.Tables.Append((Schema.InfoTable, "")))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) || ':' || coalesce(sum(hash(t)), 0) FROM {name} t";
            result[name] = (string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        }
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        try
        {
            _dir.Delete(recursive: true);
        }
        catch (IOException)
        {
            // a file still held open by DuckDB; the OS temp cleaner will get it
        }
    }
}
