using System.Globalization;
using System.Text.Json;
using Khanij.Core.Text;
using Khanij.Testing;

namespace Khanij.Cli.Tests;

/// <summary>`khanij demand` and `khanij diversify` as a user runs them: a separate process, a temp store.</summary>
public sealed class DemandCommandTests(SimulateStoreFixture store) : IClassFixture<SimulateStoreFixture>
{
    private static double Intensity(string mineral, string chemistry)
    {
        var csv = Csv.Parse(File.ReadAllText(Path.Combine(RepoPaths.Data, "battery_mineral_intensity_kg_per_kwh_batpac.csv")), "batpac");
        return double.Parse(csv.Rows.Single(r => r[0] == mineral && r[1] == chemistry)[2], CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Demand_India_LithiumNeedIn2030MatchesTheFileAndBatPaC()
    {
        // Given: India's file has 50 GWh of cells in 2030, half LFP, half NMC 811, and no other battery figure in 2030.
        var expected = 50 * (0.5 * Intensity("Lithium", "LFP") + 0.5 * Intensity("Lithium", "NMC 811")) * 1000;

        // When
        var run = await SimulateCommandTests.RunAsync("demand", "--country", "IND", "--csv", "--db", store.Db);

        // Then
        run.Exit.ShouldBe(0, run.Err);
        var table = Csv.Parse(run.Out, "stdout");
        var row = table.Rows.Single(r => r[table.IndexOf("mineral")] == "lithium" && r[table.IndexOf("year")] == "2030");
        double.Parse(row[table.IndexOf("need_t")], CultureInfo.InvariantCulture).ShouldBe(expected, 1e-6);
    }

    [Fact]
    public async Task Demand_BadScenarioFile_ExitsOneWithLineAndColumn()
    {
        // Given
        var file = Path.Combine(Path.GetTempPath(), $"khanij-bad-demand-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, "{\n  \"name\": \"x\", \"country\": \"IND\",\n  \"sources\": {},\n  \"deployment\": [ { \"technology\": \"fusion\" } ]\n}",
            TestContext.Current.CancellationToken);

        // When
        var run = await SimulateCommandTests.RunAsync("demand", "--scenario", file, "--db", store.Db);
        File.Delete(file);

        // Then
        run.Exit.ShouldBe(1);
        run.Err.ShouldContain($"{file}:4:");
        run.Err.ShouldContain("'fusion' is not a technology");
    }

    [Fact]
    public async Task Diversify_CobaltRefining_MixMeetsEveryLimitAndRiskIsTheWeightedSquares()
    {
        // When
        var run = await SimulateCommandTests.RunAsync("diversify", "--mineral", "cobalt", "--stage", "refining", "--country", "IND", "--json", "--db", store.Db);

        // Then
        run.Exit.ShouldBe(0, run.Err);
        var report = JsonDocument.Parse(run.Out).RootElement;
        var result = report.GetProperty("result");
        var mix = result.GetProperty("mix").EnumerateArray().ToList();
        mix.Sum(m => m.GetProperty("recommended").GetDouble()).ShouldBe(1, 1e-6);
        mix.Sum(m => m.GetProperty("today").GetDouble()).ShouldBe(1, 1e-6);
        var suppliers = report.GetProperty("suppliers").EnumerateArray().ToDictionary(s => s.GetProperty("iso3").GetString()!);
        double before = 0, after = 0;
        foreach (var m in mix)
        {
            var s = suppliers[m.GetProperty("iso3").GetString()!];
            var rec = m.GetProperty("recommended").GetDouble();
            rec.ShouldBeLessThanOrEqualTo(0.65 + 1e-9);
            if (s.GetProperty("export_limit").ValueKind == JsonValueKind.Number)
            {
                rec.ShouldBeLessThanOrEqualTo(s.GetProperty("export_limit").GetDouble() + 1e-9);
            }
            if (s.GetProperty("wgi").ValueKind != JsonValueKind.Number)
            {
                rec.ShouldBe(0, 1e-12);
                continue;
            }
            // Weight = WGI × t × partner factor, as docs/risk.md defines the sourcing term.
            var w = s.GetProperty("wgi").GetDouble() * s.GetProperty("restriction_factor").GetDouble() * s.GetProperty("partner_factor").GetDouble();
            before += Math.Pow(m.GetProperty("today").GetDouble(), 2) * w;
            after += rec * rec * w;
        }
        result.GetProperty("before").GetDouble().ShouldBe(before, 1e-9);
        result.GetProperty("after").GetDouble().ShouldBe(after, 1e-9);
        after.ShouldBeLessThan(before);
    }

    [Fact]
    public async Task Diversify_CapTooLow_ExitsOneNamingTheConflict()
    {
        // When
        var run = await SimulateCommandTests.RunAsync("diversify", "--mineral", "cobalt", "--stage", "refining", "--cap", "0.001", "--db", store.Db);

        // Then
        run.Exit.ShouldBe(1);
        run.Out.ShouldContain("sum to 100 %");
    }

    [Fact]
    public async Task Diversify_CvarDrcScenario_MeetsTheLimitsLowersCvarAndRepeatsWithTheSeed()
    {
        // When
        string[] args = ["diversify", "--mineral", "cobalt", "--stage", "refining", "--country", "IND", "--objective", "cvar",
            "--scenario", Path.Combine(RepoPaths.Root, "scenarios", "drc-cobalt-suspension-2025.json"), "--runs", "200", "--seed", "7", "--json",
            "--db", store.Db];
        var run = await SimulateCommandTests.RunAsync(args);
        var again = await SimulateCommandTests.RunAsync(args);

        // Then
        run.Exit.ShouldBe(0, run.Err);
        var report = JsonDocument.Parse(run.Out).RootElement;
        report.GetProperty("scenario").GetString()!.ShouldContain("200 draws, seed 7");
        var result = report.GetProperty("result");
        var mix = result.GetProperty("mix").EnumerateArray().ToList();
        mix.Sum(m => m.GetProperty("recommended").GetDouble()).ShouldBe(1, 1e-6);
        var limits = report.GetProperty("suppliers").EnumerateArray().ToDictionary(s => s.GetProperty("iso3").GetString()!,
            s => s.GetProperty("export_limit").ValueKind == JsonValueKind.Number ? s.GetProperty("export_limit").GetDouble() : 1.0);
        foreach (var m in mix)
        {
            var rec = m.GetProperty("recommended").GetDouble();
            rec.ShouldBeLessThanOrEqualTo(Math.Min(0.65, limits[m.GetProperty("iso3").GetString()!]) + 1e-7);
        }
        // Today's mix meets every limit here, so the optimum is no worse; and CVaR is subadditive and scales with the share, so the mix's
        // CVaR is at most the share-weighted CVaR of each supplier alone.
        var before = result.GetProperty("before").GetDouble();
        var after = result.GetProperty("after").GetDouble();
        after.ShouldBeLessThanOrEqualTo(before + 1e-9);
        after.ShouldBeLessThanOrEqualTo(mix.Sum(m => m.GetProperty("recommended").GetDouble() * m.GetProperty("alone").GetDouble()) + 1e-7);
        after.ShouldBeGreaterThan(0, "a DRC mine cut reaches every refiner through its ore, so no mix escapes it");
        again.Out.ShouldBe(run.Out);
    }

    [Fact]
    public async Task Brief_India_HasTheDemandSectionWithNeedsFromTheScenarioFile()
    {
        // Given: lithium in 2030 = 50 GWh of cells × (½ LFP + ½ NMC 811) × kg/kWh × 1000, from the India file and BatPaC.
        var expected = 50 * (0.5 * Intensity("Lithium", "LFP") + 0.5 * Intensity("Lithium", "NMC 811")) * 1000;
        var dir = Path.Combine(Path.GetTempPath(), $"khanij-brief-demand-{Guid.NewGuid():N}");

        // When
        var run = await SimulateCommandTests.RunAsync("brief", "--country", "IND", "--out", dir, "--db", store.Db);

        // Then
        run.Exit.ShouldBe(0, run.Err);
        var md = await File.ReadAllTextAsync(Path.Combine(dir, "report.md"), TestContext.Current.CancellationToken);
        var html = await File.ReadAllTextAsync(Path.Combine(dir, "report.html"), TestContext.Current.CancellationToken);
        Directory.Delete(dir, recursive: true);
        md.ShouldContain("## Demand and the supply gap — IND");
        md.ShouldContain($"| lithium | 2030 | {expected.ToString("#,0", CultureInfo.InvariantCulture)} |");
        md.ShouldContain("assumption", Case.Insensitive);
        html.ShouldContain("<section id=\"demand\">");
        run.Out.ShouldContain("Demand and the supply gap");
    }
}
