using System.Diagnostics;
using System.Text.Json;
using Khanij.Testing;

namespace Khanij.Cli.Tests;

/// <summary>`khanij data` as a user runs it: a separate process, a temp store, the bundled pack and a corrupted copy.</summary>
public sealed class DataCommandTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "khanij.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["KHANIJ_DATA"] = RepoPaths.Data;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static Dictionary<string, long> Counts(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());

    [Fact]
    public async Task DataImport_CorruptedCopy_Exits1NamingTheCellAndStatusIsUnchanged()
    {
        // Given
        var dir = Directory.CreateTempSubdirectory("khanij-cli-data-");
        var db = Path.Combine(dir.FullName, "store.duckdb");
        var copy = Path.Combine(dir.FullName, "data");
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Data, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(copy, Path.GetRelativePath(RepoPaths.Data, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        const string iea = "iea_cmo2025_supply_mining_refining_by_country.csv";
        var lines = File.ReadAllLines(Path.Combine(copy, iea));
        var fields = lines[4].Split(',');
        var column = fields.Take(5).Sum(f => f.Length + 1) + 1;
        fields[5] = "12,5".Replace(',', ';');
        lines[4] = string.Join(',', fields);
        File.WriteAllLines(Path.Combine(copy, iea), lines);
        var first = await RunAsync("data", "status", "--json", "--db", db);
        first.Exit.ShouldBe(0, first.Err);

        // When
        var bad = await RunAsync("data", "import", copy, "--db", db);
        var after = await RunAsync("data", "status", "--json", "--db", db);

        // Then
        bad.Exit.ShouldBe(1, bad.Out + bad.Err);
        bad.Err.ShouldContain($"{iea}:5:{column}: 'value_kt' is '12;5'; expected a number");
        bad.Err.ShouldContain("was not changed");
        after.Exit.ShouldBe(0, after.Err);
        Counts(after.Out).ShouldBe(Counts(first.Out));
        Counts(first.Out)["supply_facts"].ShouldBeGreaterThan(0);
        dir.Delete(recursive: true);
    }

    [Fact]
    public async Task DataStatus_StoreLockedByAnotherProcess_SaysWhichFileAndWhatToDo()
    {
        // Given
        var dir = Directory.CreateTempSubdirectory("khanij-cli-lock-");
        var db = Path.Combine(dir.FullName, "held.duckdb");
        await using (var holder = new DuckDB.NET.Data.DuckDBConnection("Data Source=" + db))
        {
            await holder.OpenAsync(TestContext.Current.CancellationToken);

            // When
            var run = await RunAsync("data", "status", "--db", db);

            // Then
            // (a reading command waits a while for the writer, then says so: bad input, exit 1, not an unexpected failure)
            run.Exit.ShouldBe(1, run.Err);
            run.Err.ShouldContain($"The store {db} is held for writing by another process");
            run.Err.ShouldContain("--db");
        }
        dir.Delete(recursive: true);
    }

    [Fact]
    public async Task DataImport_Help_ListsExitCodes()
    {
        // When
        var help = await RunAsync("data", "import", "--help");

        // Then
        help.Exit.ShouldBe(0);
        help.Out.ShouldContain("Exit codes:");
        help.Out.ShouldContain("bad input or validation errors");
        help.Out.ShouldContain("DIR");
    }
}
