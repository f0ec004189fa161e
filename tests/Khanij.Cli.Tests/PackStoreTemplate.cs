using Khanij.Data;
using Khanij.Testing;

namespace Khanij.Cli.Tests;

/// <summary>
/// One import of the bundled pack per test run of this assembly, copied for every fixture that needs a store. Each fixture still gets a
/// file of its own (a DuckDB file is opened by one process at a time, and some tests write to theirs), but the pack is read, checked and
/// written once instead of once per test class: eight imports of about 5 s of CPU each became one import and eight file copies.
/// </summary>
internal static class PackStoreTemplate
{
    private static readonly Lazy<Task<string>> Template = new(CreateAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Copies the imported store (and its write-ahead log, if any) to <paramref name="dbPath"/>.</summary>
    public static async Task<string> CopyToAsync(string dbPath) => StoreFiles.Copy(await Template.Value, dbPath);

    private static async Task<string> CreateAsync()
    {
        var dir = Directory.CreateTempSubdirectory("khanij-cli-template-");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                dir.Delete(recursive: true);
            }
            catch (IOException)
            {
                // a leftover temp directory is harmless
            }
        };
        var path = Path.Combine(dir.FullName, "pack.duckdb");
        await using (await KhanijStore.OpenAsync(path, RepoPaths.Data, null, CancellationToken.None))
        {
        }
        return path;
    }
}
