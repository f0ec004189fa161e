using System.Diagnostics;
using System.Text.Json;
using Khanij.Data;
using Khanij.Data.Registry;
using Khanij.Testing;

namespace Khanij.Cli.Tests;

/// <summary>Issue 17's kill -9 trials as a test: a <c>khanij</c> process killed at points spread over its whole run (start-up, reading,
/// writing, committing) leaves the store with the state before or the state after, never a part, and the store opens afterwards.</summary>
public sealed class CrashSafetyTests(SimulateStoreFixture store) : IClassFixture<SimulateStoreFixture>
{
    private const int Trials = 8;
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task PartnersImport_KilledAtAnyPoint_LeavesNoneOrAllOfTheFilesRecords()
    {
        // Given: a registry file of many records, and how long an import of it takes when nothing interrupts it
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "many.json");
        await File.WriteAllTextAsync(file, ManyRecords(120), Ct);
        var reference = dir.CopyOf(store.Db, "reference");
        var watch = Stopwatch.StartNew();
        var full = await SimulateCommandTests.RunAsync("partners", "import", file, "--db", reference);
        var fullTime = watch.Elapsed;
        full.Exit.ShouldBe(0, full.Err);
        var complete = await CrashIdsAsync(reference);

        // When: the same import killed (SIGKILL) at delays spread from the start to the end of that time
        var counts = new List<int>();
        var kills = 0;
        for (var trial = 0; trial < Trials; trial++)
        {
            var db = dir.CopyOf(store.Db, $"trial{trial}");
            kills += await KillAfterAsync(fullTime * (trial + 0.5) / Trials, "partners", "import", file, "--db", db) ? 1 : 0;
            counts.Add(await CrashIdsAsync(db));
        }

        // Then
        complete.ShouldBe(120);
        kills.ShouldBeGreaterThanOrEqualTo(Trials / 2, "most trials should have been killed before the import ended");
        counts.ShouldAllBe(c => c == 0 || c == complete, string.Join(", ", counts));
    }

    [Fact]
    public async Task DataImport_KilledAtAnyPoint_LeavesTheStoreOpenableWithEveryTableWhole()
    {
        // Given: the table row counts of a store imported from the bundled pack, and how long a re-import takes
        using var dir = new TempDir();
        var reference = dir.CopyOf(store.Db, "reference");
        var before = await StatusAsync(reference);
        var watch = Stopwatch.StartNew();
        var full = await SimulateCommandTests.RunAsync("data", "import", RepoPaths.Data, "--db", reference);
        var fullTime = watch.Elapsed;
        full.Exit.ShouldBe(0, full.Err);
        var after = await StatusAsync(reference);

        // When: re-imports killed at delays spread over that time
        var states = new List<string>();
        var kills = 0;
        for (var trial = 0; trial < 4; trial++)
        {
            var db = dir.CopyOf(store.Db, $"trial{trial}");
            kills += await KillAfterAsync(fullTime * (trial + 0.5) / 4, "data", "import", RepoPaths.Data, "--db", db) ? 1 : 0;
            states.Add(await StatusAsync(db));
        }

        // Then: the same pack imported twice has the same tables; every killed store is that state, readable
        after.ShouldBe(before);
        kills.ShouldBeGreaterThanOrEqualTo(2, "most trials should have been killed before the import ended");
        states.ShouldAllBe(s => s == before);
    }

    /// <summary>Runs khanij and kills it after <paramref name="delay"/>; true when it was killed, false when it had ended by then.</summary>
    private static async Task<bool> KillAfterAsync(TimeSpan delay, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "khanij.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["KHANIJ_DATA"] = RepoPaths.Data;
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync(Ct);
        _ = process.StandardError.ReadToEndAsync(Ct);
        await Task.WhenAny(process.WaitForExitAsync(Ct), Task.Delay(delay, Ct));
        var killed = !process.HasExited;
        if (killed)
        {
            process.Kill(entireProcessTree: true); // SIGKILL: no handler runs, no transaction is rolled back by the process
        }
        await process.WaitForExitAsync(Ct);
        return killed;
    }

    /// <summary>The records of this test in a store's registry (ids starting <c>crash-</c>).</summary>
    private static async Task<int> CrashIdsAsync(string db)
    {
        await using var facts = KhanijStore.At(db);
        await using var connection = await facts.OpenConnectionAsync(Ct);
        var registry = await RegistryStore.OpenAsync(connection, null, Ct);
        return (await registry.ListAsync(Ct)).Count(r => r.Id.StartsWith("crash-", StringComparison.Ordinal));
    }

    /// <summary><c>khanij data status --json</c>'s tables and row counts, as text to compare.</summary>
    private static async Task<string> StatusAsync(string db)
    {
        var run = await SimulateCommandTests.RunAsync("data", "status", "--json", "--db", db);
        run.Exit.ShouldBe(0, run.Err);
        var status = JsonDocument.Parse(run.Out).RootElement;
        var tables = status.GetProperty("counts").EnumerateObject().Select(t => $"{t.Name}={t.Value.GetInt64()}");
        return string.Join(";", tables);
    }

    /// <summary>Records with distinct party pairs and dates, so no two describe one event.</summary>
    private static string ManyRecords(int count)
    {
        string[] countries = ["AUS", "ARG", "BRA", "CAN", "CHL", "DEU", "FRA", "GBR", "IDN", "JPN", "KOR", "MNG", "NOR", "PER", "ZAF", "ZMB"];
        var pairs = from a in countries from b in countries where string.CompareOrdinal(a, b) < 0 select (a, b);
        var records = pairs.Take(count).Select((p, i) => new
        {
            id = $"crash-{i:D4}", kind = "partnership", title = $"Crash trial {p.a}–{p.b}", parties = new[] { p.a, p.b }, instrument = "mou",
            status = "signed", date = new DateOnly(2015, 1, 1).AddDays(37 * i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            minerals = new[] { "lithium" }, review = "accepted",
            sources = new[] { new { document = "crash trial", url = $"https://example.org/crash/{i}", published = "2025-01-01" } },
        }).ToList();
        records.Count.ShouldBe(count);
        return JsonSerializer.Serialize(new { records });
    }

    private sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("khanij-crash-").FullName;

        public string CopyOf(string db, string name) => StoreFiles.Copy(db, System.IO.Path.Combine(Path, name + ".duckdb"));

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
