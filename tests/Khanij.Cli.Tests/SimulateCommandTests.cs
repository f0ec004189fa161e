using System.Diagnostics;
using System.Text.Json;
using Khanij.Core;
using Khanij.Data;
using Khanij.Testing;

namespace Khanij.Cli.Tests;

/// <summary>A store imported once from the bundled pack, for the simulate tests.</summary>
public sealed class SimulateStoreFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("khanij-cli-sim-");

    public string Db => Path.Combine(_dir.FullName, "store.duckdb");

    public async ValueTask InitializeAsync()
    {
        await PackStoreTemplate.CopyToAsync(Db);
        var run = await SimulateCommandTests.RunAsync("data", "status", "--json", "--db", Db);
        run.Exit.ShouldBe(0, run.Err);
    }

    public ValueTask DisposeAsync()
    {
        _dir.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>`khanij simulate` as a user runs it: a separate process, a temp store.</summary>
public sealed class SimulateCommandTests(SimulateStoreFixture store) : IClassFixture<SimulateStoreFixture>
{
    internal static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
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

    private static JsonElement Stage(JsonElement report, string mineral, string stage) =>
        report.GetProperty("minerals").EnumerateArray().Single(m => m.GetProperty("mineral").GetString() == mineral)
            .GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == stage);

    [Theory]
    [InlineData("1000000000000")]
    [InlineData("1e12")]
    public async Task Simulate_RunsBeyondTheLimit_Exit1WithAPlainMessage(string runs)
    {
        // Given: issue 17, finding 10 (the message was "System.Nullable`1[System.Int32]")

        // When
        var run = await RunAsync("simulate", "--shock", "CHN:rare_earths:mining:0.5:12", "--runs", runs, "--db", store.Db);

        // Then
        run.Exit.ShouldBe(1, run.Err);
        run.Err.ShouldContain($"'--runs {runs}' is out of range");
        run.Err.ShouldContain("1000000000");
        (run.Out + run.Err).ShouldNotContain("System.");
    }

    [Fact]
    public async Task Simulate_BatteryMixWithAChemistryThePackLacks_Exit1NamingItAndTheKnownOnes()
    {
        // Given: issue 17, finding 8 (an unknown chemistry gave "battery": null with no note); the chemistries come from the BatPaC file
        var known = File.ReadAllLines(Path.Combine(RepoPaths.Data, "battery_mineral_intensity_kg_per_kwh_batpac.csv")).Skip(1)
            .Where(l => l.Length > 0).Select(l => l.Split(',')[1]).Distinct().ToList();
        var file = Path.Combine(Path.GetTempPath(), $"khanij-mix-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            {"name": "mix", "battery_mix": {"LFP": 0.5, "NMC 999": 0.5},
             "shocks": [{"country": "COD", "minerals": ["cobalt"], "stage": "mining", "fraction": 0.5, "duration_months": 6}]}
            """, TestContext.Current.CancellationToken);

        // When
        var run = await RunAsync("simulate", file, "--db", store.Db);
        File.Delete(file);

        // Then
        known.ShouldContain("LFP");
        known.ShouldNotContain("NMC 999");
        run.Exit.ShouldBe(1, run.Err);
        run.Err.ShouldContain("'NMC 999'");
        run.Err.ShouldContain("battery_mix");
        foreach (var chemistry in known)
        {
            run.Err.ShouldContain(chemistry);
        }
    }

    [Fact]
    public async Task Simulate_ChinaRareEarthHalfCutNoSpare_WorldMiningShortfallIsHalfChinasShare()
    {
        // Given China's share of rare-earth mining, computed here from the store's IEA 2024 rows (countries and rest of world)
        IReadOnlyList<Khanij.Core.Facts.SupplyFact> supply;
        await using (var facts = KhanijStore.At(store.Db))
        {
            supply = await facts.GetSupplyAsync("rare_earths", Khanij.Core.Stage.Mining, 2024, "iea", TestContext.Current.CancellationToken);
        }
        var rows = supply.Where(f => f.Scenario is null && f.Value > 0 && (f.IsCountry || f.AggregateKind == "rest_of_world")).ToList();
        var chinaShare = rows.Single(f => f.Iso3 == "CHN").Value!.Value / rows.Sum(f => f.Value!.Value);

        // When
        var run = await RunAsync("simulate", "--shock", "CHN:rare_earths:mining:0.5:12", "--spare-capacity", "0", "--json", "--db", store.Db);

        // Then
        run.Exit.ShouldBe(0, run.Err);
        var report = JsonDocument.Parse(run.Out).RootElement;
        var mining = Stage(report, "rare_earths", "mining");
        chinaShare.ShouldBeInRange(0.3, 0.95);
        mining.GetProperty("world_shortfall_fraction").GetDouble().ShouldBe(0.5 * chinaShare, 1e-9);
        mining.GetProperty("shocked_shares").GetProperty("CHN").GetDouble().ShouldBe(chinaShare, 1e-9);
        Stage(report, "rare_earths", "refining").GetProperty("world_shortfall_fraction").GetDouble().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Simulate_DrcCobaltHalfCutNoSpare_RefiningShortfallFollowsTheSankeyFeedByHand()
    {
        // Given: IEA 2024 cobalt mining and refining (countries + rest of world) and the Sankey feed of each refiner, read from the CSVs.
        // A refiner's ore comes from DRC mines directly (Sankey edge) or, from any source that is not an IEA miner, in proportion to mining shares.
        var ct = TestContext.Current.CancellationToken;
        const string ieaFile = "iea_cmo2025_supply_mining_refining_by_country.csv", sankeyFile = "cheng2024_sankey_cobalt.csv";
        var iea = Khanij.Core.Text.Csv.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Data, ieaFile), ct), ieaFile);
        int mi = iea.IndexOf("mineral"), st = iea.IndexOf("stage"), co = iea.IndexOf("country"), rt = iea.IndexOf("row_type"), yr = iea.IndexOf("year"),
            va = iea.IndexOf("value_kt");
        List<(string Name, double Kt)> Rows(string stage) => [.. iea.Rows
            .Where(r => r[mi] == "Cobalt" && r[st] == stage && r[yr] == "2024" && r[rt] is "country" or "rest_of_world")
            .Select(r => (r[rt] == "country" ? r[co] : "~", double.Parse(r[va], System.Globalization.CultureInfo.InvariantCulture)))];
        var mines = Rows("mining");
        var refiners = Rows("refining");
        const string drcIea = "Democratic Republic of Congo", drcSankey = "Congo, Democratic Republic of the";
        var drcShare = mines.Single(m => m.Name == drcIea).Kt / mines.Sum(m => m.Kt);
        var sankey = Khanij.Core.Text.Csv.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Data, sankeyFile), ct), sankeyFile);
        int so = sankey.IndexOf("Source"), ta = sankey.IndexOf("Target"), sv = sankey.IndexOf("Value");
        var minerNodes = mines.Where(m => m.Name != "~").Select(m => (m.Name == drcIea ? drcSankey : m.Name) + "_mine").ToHashSet();
        double Loss(string refiner)
        {
            var feed = sankey.Rows.Where(r => r[ta] == refiner + "_ref_poss"
                    && (r[so].EndsWith("_mine", StringComparison.Ordinal) || r[so] == "Trade from countries with no mining"))
                .Select(r => (Source: r[so], Value: double.Parse(r[sv], System.Globalization.CultureInfo.InvariantCulture))).ToList();
            var total = feed.Sum(f => f.Value);
            if (total <= 0)
            {
                return 0.5 * drcShare;
            }
            var fromDrc = feed.Where(f => f.Source == drcSankey + "_mine").Sum(f => f.Value);
            var spread = feed.Where(f => !minerNodes.Contains(f.Source)).Sum(f => f.Value);
            return 0.5 * (fromDrc + spread * drcShare) / total;
        }
        var expected = refiners.Sum(r => r.Kt * Loss(r.Name)) / refiners.Sum(r => r.Kt);

        // When
        var run = await RunAsync("simulate", "--shock", "COD:cobalt:mining:0.5:12", "--spare-capacity", "0", "--json", "--db", store.Db);

        // Then
        run.Exit.ShouldBe(0, run.Err);
        var report = JsonDocument.Parse(run.Out).RootElement;
        Stage(report, "cobalt", "mining").GetProperty("world_shortfall_fraction").GetDouble().ShouldBe(0.5 * drcShare, 1e-9);
        Stage(report, "cobalt", "refining").GetProperty("world_shortfall_fraction").GetDouble().ShouldBe(expected, 1e-9);
    }

    [Fact]
    public async Task Simulate_ChengSouthAfricanManganeseHalfCut_ShortfallIsInThousandsOfKilotonnes()
    {
        // Given: South Africa's manganese mining in Cheng et al.'s Fig. 1 sheet, labelled "t" but in thousand tonnes (6,500 = 6.5 Mt)
        const string file = "cheng2024_supply_chain_2020_by_stage_region.csv";
        var csv = Khanij.Core.Text.Csv.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Data, file), TestContext.Current.CancellationToken), file);
        var zaf = double.Parse(csv.Rows.Single(r => r[csv.IndexOf("stage")] == "mining" && r[csv.IndexOf("region")] == "South Africa"
            && r[csv.IndexOf("material")] == "Mn")[csv.IndexOf("value")], System.Globalization.CultureInfo.InvariantCulture);
        // By hand: half of South Africa's output for 12 of 12 months, no spare capacity: 0.5 × 6,500 kt × 1,000 t/kt
        var expectedT = 0.5 * zaf * 1000 * 12 / 12;

        // When
        var run = await RunAsync("simulate", "--shock", "ZAF:manganese:mining:0.5:12", "--spare-capacity", "0", "--horizon", "12",
            "--source", "cheng2020", "--json", "--db", store.Db);

        // Then: 3,250 kt, not 3,250 t
        run.Exit.ShouldBe(0, run.Err);
        var mining = Stage(JsonDocument.Parse(run.Out).RootElement, "manganese", "mining");
        mining.GetProperty("world_shortfall_t").GetDouble().ShouldBe(expectedT, 1e-6);
        (expectedT / 1000).ShouldBeInRange(1000, 9999);
    }

    [Fact]
    public async Task Simulate_MonteCarlo_CountryDistributionIsNullExactlyWhereTheSingleRunIsNull()
    {
        // Given: a scenario written here: a spread-out cut of South African manganese mining, seen from India, which takes no
        // manganese ore (its mining-stage shortfall fraction and tonnes are null in a single run)
        var scenario = Path.Combine(Path.GetTempPath(), "khanij-mc-null-" + Guid.NewGuid().ToString("N")[..8] + ".json");
        await File.WriteAllTextAsync(scenario, """
            {
              "name": "manganese uncertainty (test)",
              "perspective": "IND",
              "shocks": [
                { "name": "ZAF cut", "kind": "cut", "country": "ZAF", "minerals": ["manganese"], "stage": "mining",
                  "fraction": { "dist": "triangular", "min": 0.2, "mode": 0.5, "max": 0.8 }, "duration_months": 12 }
              ]
            }
            """, TestContext.Current.CancellationToken);
        try
        {
            // When
            var single = await RunAsync("simulate", scenario, "--runs", "1", "--source", "cheng2020", "--json", "--db", store.Db);
            var many = await RunAsync("simulate", scenario, "--runs", "200", "--source", "cheng2020", "--json", "--db", store.Db);

            // Then
            single.Exit.ShouldBe(0, single.Err);
            many.Exit.ShouldBe(0, many.Err);
            var checkedNull = 0;
            foreach (var stage in new[] { "mining", "refining" })
            {
                var one = Stage(JsonDocument.Parse(single.Out).RootElement, "manganese", stage);
                var mc = Stage(JsonDocument.Parse(many.Out).RootElement, "manganese", stage);
                var distribution = mc.GetProperty("distribution");
                foreach (var (field, key) in new[] { ("shortfall_t", "shortfall_t"), ("shortfall_fraction", "shortfall_fraction") })
                {
                    var singleIsNull = one.GetProperty("country").GetProperty(field).ValueKind == JsonValueKind.Null;
                    (distribution.GetProperty(key).ValueKind == JsonValueKind.Null).ShouldBe(singleIsNull, $"{stage} {key}");
                    (mc.GetProperty("country").GetProperty(field).ValueKind == JsonValueKind.Null).ShouldBe(singleIsNull, $"{stage} {field}");
                    checkedNull += singleIsNull ? 1 : 0;
                }
                distribution.GetProperty("world_shortfall_t").GetProperty("max").GetDouble().ShouldBeGreaterThan(0);
            }
            checkedNull.ShouldBeGreaterThan(0);
        }
        finally
        {
            File.Delete(scenario);
        }
    }

    [Fact]
    public async Task Simulate_DrcScenarioMonteCarlo_GivesOrderedStatisticsAndTheSameNumbersOnOneOrTwoThreads()
    {
        // Given the DRC cobalt scenario file
        var file = Path.Combine(RepoPaths.Root, "scenarios", "drc-cobalt-suspension-2025.json");

        // When it runs 5 000 draws on one thread and on two
        var one = await RunAsync("simulate", file, "--runs", "5000", "--threads", "1", "--json", "--db", store.Db);
        var two = await RunAsync("simulate", file, "--runs", "5000", "--threads", "2", "--json", "--db", store.Db);

        // Then the statistics are ordered, the country's use is known from trade data, and the threads change nothing
        one.Exit.ShouldBe(0, one.Err);
        two.Exit.ShouldBe(0, two.Err);
        var refining = Stage(JsonDocument.Parse(one.Out).RootElement, "cobalt", "refining");
        var world = refining.GetProperty("distribution").GetProperty("world_shortfall_fraction");
        var (min, median, p95, cvar, max) = (world.GetProperty("min").GetDouble(), world.GetProperty("median").GetDouble(),
            world.GetProperty("p95").GetDouble(), world.GetProperty("cvar95").GetDouble(), world.GetProperty("max").GetDouble());
        min.ShouldBeLessThanOrEqualTo(median);
        median.ShouldBeLessThanOrEqualTo(p95);
        p95.ShouldBeLessThanOrEqualTo(cvar);
        cvar.ShouldBeLessThanOrEqualTo(max);
        max.ShouldBeGreaterThan(min);
        refining.GetProperty("country").GetProperty("shortfall_t").ValueKind.ShouldBe(JsonValueKind.Number);
        string Minerals(string json) => JsonDocument.Parse(json).RootElement.GetProperty("minerals").GetRawText();
        Minerals(two.Out).ShouldBe(Minerals(one.Out));
    }

    [Fact]
    public async Task Simulate_BadScenarioFile_Exits1WithFileLineColumnAndExpectation()
    {
        // Given a scenario whose second shock has a fraction of 2 on line 4
        var dir = Directory.CreateTempSubdirectory("khanij-cli-badscn-");
        var file = Path.Combine(dir.FullName, "bad.json");
        await File.WriteAllTextAsync(file, """
            {"name": "bad", "shocks": [
              {"country": "CHN", "minerals": ["graphite"], "stage": "refining", "fraction": 0.5, "duration_months": 6},
              {"country": "CHN", "minerals": ["graphite"], "stage": "refining",
               "fraction": 2, "duration_months": 6}
            ]}
            """, TestContext.Current.CancellationToken);

        // When
        var run = await RunAsync("simulate", file, "--db", store.Db);

        // Then
        var line = (await File.ReadAllLinesAsync(file, TestContext.Current.CancellationToken))[3];
        run.Exit.ShouldBe(1);
        run.Err.ShouldContain($"bad.json:4:{line.IndexOf("2,", StringComparison.Ordinal) + 1}: ");
        run.Err.ShouldContain("$.shocks[1].fraction: found the number 2; expected a number from 0 to 1");
        run.Out.ShouldBeEmpty();
        dir.Delete(recursive: true);
    }

    [Theory]
    [InlineData("CHN:unobtainium:mining:0.5:12", "not a known mineral")]
    [InlineData("CHN:cobalt:mining:0.5", "expected ISO3:mineral:stage:fraction:months")]
    public async Task Simulate_BadShock_Exits1SayingWhatWasExpected(string shock, string expected)
    {
        // Given / When
        var run = await RunAsync("simulate", "--shock", shock, "--db", store.Db);

        // Then
        run.Exit.ShouldBe(1);
        run.Err.ShouldContain(expected);
    }
}
