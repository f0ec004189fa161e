using System.Globalization;
using System.Text.Json;
using Khanij.Analytics.Demand;
using Khanij.Analytics.Tests.Simulation;
using Khanij.Core.Facts;
using Khanij.Core.Text;
using Khanij.Testing;

namespace Khanij.Analytics.Tests.Demand;

public sealed class NeedsCalculatorTests
{
    private static readonly Provenance P = new("test", 1, "test", "kg/kWh", "", "");

    private static DemandScenario Scenario(params Deployment[] rows) => new("hand", "IND", null,
        new Dictionary<string, DemandSource>
        {
            ["s"] = new("s", "Publisher", "Document", 2024, null, false, null),
            ["m"] = new("m", "Author", "Mix", 2026, null, true, "a test mix"),
        }, rows, []);

    [Fact]
    public void Compute_TwoChemistriesTwoYears_MatchesHandComputation()
    {
        // Given: LFP 0.1 kg Li/kWh; NMC 811 0.1 kg Li/kWh and 0.7 kg Ni/kWh; 10 GWh in 2030 (60 % LFP) and 20 GWh in 2035 (all NMC),
        // intensities falling 2 % a year from 2030.
        BatteryIntensity[] intensities =
        [
            new("lithium", "LFP", 0.1, P), new("lithium", "NMC 811", 0.1, P), new("nickel", "NMC 811", 0.7, P),
        ];
        var scenario = Scenario(
            new Deployment("battery_cells", 2030, 10, "GWh", DeploymentMeasure.PerYear, "s", new Dictionary<string, double> { ["LFP"] = 0.6, ["NMC 811"] = 0.4 }, "m", null),
            new Deployment("battery_cells", 2035, 20, "GWh", DeploymentMeasure.PerYear, "s", new Dictionary<string, double> { ["NMC 811"] = 1.0 }, "m", null));

        // When
        var needs = NeedsCalculator.Compute(scenario, intensities, new DemandOptions(0.02, 2030));

        // Then: 1 GWh × 1 kg/kWh = 10⁶ kg = 1000 t.
        // 2030 Li = 6 GWh × 0.1 × 1000 + 4 GWh × 0.1 × 1000 = 600 + 400 = 1000 t; Ni = 4 × 0.7 × 1000 = 2800 t.
        // 2035 factor = 0.98⁵ = 0.9039207968; Li = 20 × 0.1 × 1000 × f = 1807.8415936 t; Ni = 20 × 0.7 × 1000 × f = 12654.8911552 t.
        var totals = needs.Totals;
        totals[("lithium", 2030)].ShouldBe(1000, 1e-9);
        totals[("nickel", 2030)].ShouldBe(2800, 1e-9);
        totals[("lithium", 2035)].ShouldBe(1807.8415936, 1e-6);
        totals[("nickel", 2035)].ShouldBe(12654.8911552, 1e-6);
        needs.Rows.Count(r => r.Year == 2030).ShouldBe(3);
        needs.NotComputed.ShouldBeEmpty();
    }

    [Fact]
    public void Compute_StockFigures_UseTheYearlyAdditionBetweenThem()
    {
        // Given: 30 GWh installed by 2027 and 80 GWh by 2032 → (80 − 30) / 5 = 10 GWh a year; LFP 0.1 kg Li/kWh.
        BatteryIntensity[] intensities = [new("lithium", "LFP", 0.1, P)];
        var mix = new Dictionary<string, double> { ["LFP"] = 1.0 };
        var scenario = Scenario(
            new Deployment("stationary_storage", 2027, 30, "GWh", DeploymentMeasure.Stock, "s", mix, "m", null),
            new Deployment("stationary_storage", 2032, 80, "GWh", DeploymentMeasure.Stock, "s", mix, "m", null));

        // When
        var needs = NeedsCalculator.Compute(scenario, intensities, phrases: ResxPhrasebook.English);

        // Then: 10 GWh × 0.1 × 1000 = 1000 t in 2032; the first stock alone gives no rate and says so.
        needs.Totals[("lithium", 2032)].ShouldBe(1000, 1e-9);
        needs.Totals.ContainsKey(("lithium", 2027)).ShouldBeFalse();
        needs.NotComputed.ShouldHaveSingleItem().Reason.ShouldContain("two stock figures");
    }

    [Fact]
    public void Compute_TechnologyWithoutIntensity_IsReportedNotInvented()
    {
        // Given
        var scenario = Scenario(
            new Deployment("solar_pv", 2030, 280, "GW", DeploymentMeasure.Stock, "s", null, null, null),
            new Deployment("battery_cells", 2030, 5, "GWh", DeploymentMeasure.PerYear, "s", new Dictionary<string, double> { ["XYZ"] = 1.0 }, "m", null));

        // When
        var needs = NeedsCalculator.Compute(scenario, [new BatteryIntensity("lithium", "LFP", 0.1, P)], phrases: ResxPhrasebook.English);

        // Then
        needs.Rows.ShouldBeEmpty();
        needs.NotComputed.Count.ShouldBe(2);
        needs.NotComputed.ShouldContain(n => n.Technology == "solar_pv" && n.Reason.Contains("no mineral intensity"));
        needs.NotComputed.ShouldContain(n => n.Reason.Contains("'XYZ'"));
    }

    [Fact]
    public void Compute_IndiaScenario_TotalsRecomputedFromTheFiles()
    {
        // Given: the shipped scenario, and BatPaC intensities read straight from the pack's CSV.
        var path = Path.Combine(RepoPaths.Root, "scenarios", "demand", "india-published-targets.json");
        var text = File.ReadAllText(path);
        var csv = Csv.Parse(File.ReadAllText(Path.Combine(RepoPaths.Data, "battery_mineral_intensity_kg_per_kwh_batpac.csv")), "batpac");
        var intensity = new Dictionary<(string Chemistry, string Mineral), double>();
        foreach (var row in csv.Rows)
        {
            if (row[0] != "Battery_MWh")
            {
                intensity[(row[1], row[0])] = double.Parse(row[2], CultureInfo.InvariantCulture);
            }
        }
        var intensities = intensity.Select(kv => new BatteryIntensity(kv.Key.Mineral, kv.Key.Chemistry, kv.Value, P)).ToList();

        // Expected, by hand from the JSON: per-year rows as given; stock rows as (stock − previous stock) / years between.
        using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var expected = new Dictionary<(string, int), double>();
        var rows = doc.RootElement.GetProperty("deployment").EnumerateArray().ToList();
        foreach (var r in rows)
        {
            var tech = r.GetProperty("technology").GetString()!;
            if (!r.TryGetProperty("chemistry_mix", out var mix))
            {
                continue;
            }
            var year = r.GetProperty("year").GetInt32();
            var value = r.GetProperty("value").GetDouble();
            var gwh = value;
            if (r.GetProperty("measure").GetString() == "stock")
            {
                var earlier = rows.Where(o => o.GetProperty("technology").GetString() == tech && o.GetProperty("year").GetInt32() < year)
                    .OrderByDescending(o => o.GetProperty("year").GetInt32()).FirstOrDefault();
                if (earlier.ValueKind == JsonValueKind.Undefined)
                {
                    continue;
                }
                gwh = (value - earlier.GetProperty("value").GetDouble()) / (year - earlier.GetProperty("year").GetInt32());
            }
            foreach (var c in mix.EnumerateObject())
            {
                foreach (var ((chem, mineral), kg) in intensity.Where(kv => kv.Key.Chemistry == c.Name))
                {
                    expected[(mineral, year)] = expected.GetValueOrDefault((mineral, year)) + gwh * c.Value.GetDouble() * kg * 1000;
                }
            }
        }

        // When
        var errors = DemandScenarioReader.TryParse(text, path, ScenarioReaderTests.Catalogue, null, out var scenario);
        errors.ShouldBeEmpty();
        var needs = NeedsCalculator.Compute(scenario!, intensities);

        // Then: minerals the chemistries do not contain (BatPaC 0 kg/kWh, e.g. cobalt in LFP) have no total.
        foreach (var zero in expected.Where(kv => kv.Value == 0).Select(kv => kv.Key).ToList())
        {
            expected.Remove(zero);
        }
        expected.Count.ShouldBeGreaterThan(0);
        needs.Totals.Keys.OrderBy(k => k).ShouldBe(expected.Keys.OrderBy(k => k));
        foreach (var (key, tonnes) in expected)
        {
            needs.Totals[key].ShouldBe(tonnes, 1e-9 * Math.Max(1, tonnes), $"{key}");
        }
        // Lithium in 2030 = 50 GWh × (0.5 LFP + 0.5 NMC 811 Li intensities) × 1000, checked once more in words.
        expected[("Lithium", 2030)].ShouldBe(50 * (0.5 * intensity[("LFP", "Lithium")] + 0.5 * intensity[("NMC 811", "Lithium")]) * 1000, 1e-9);
    }
}
