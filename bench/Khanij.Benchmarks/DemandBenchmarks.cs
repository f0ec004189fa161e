using BenchmarkDotNet.Attributes;
using Khanij.Analytics.Demand;
using Khanij.Core.Facts;

namespace Khanij.Benchmarks;

/// <summary>Mineral needs of a deployment scenario (<see cref="NeedsCalculator"/>): battery rows × chemistry mix × BatPaC intensities, with
/// stock figures turned into yearly additions, citations and the rows it cannot compute. Synthetic scenarios with a fixed seed: one the
/// size of the shipped India file (5 rows, 3 with batteries), and one of 30 years × 3 battery technologies × 4 chemistries plus 30
/// non-battery rows. Baseline: the bare formula Σ GWh × share × kg/kWh × 1000 in one loop (no stocks, citations or reports), the floor any
/// implementation pays.</summary>
[MemoryDiagnoser]
public class DemandBenchmarks
{
    private static readonly string[] Chemistries = ["LFP", "NMC 811", "NMC 622", "NCA"];
    private static readonly string[] Minerals = ["Lithium", "Nickel", "Cobalt", "Manganese", "Graphite", "Copper", "Aluminum", "Phosphorus"];

    private DemandScenario _scenario = null!;
    private BatteryIntensity[] _intensities = [];
    private Dictionary<string, List<(string Mineral, double Kg)>> _byChemistry = [];

    [Params("india-size", "30y-3tech-4chem")]
    public string Size = "india-size";

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        var provenance = new Provenance("bench", 0, "bench", "kg/kWh", "", "");
        _intensities = [.. from c in Chemistries from m in Minerals
            select new BatteryIntensity(m, c, c == "LFP" && m is "Nickel" or "Cobalt" ? 0 : rng.NextDouble(), provenance)];
        _byChemistry = _intensities.GroupBy(i => i.Chemistry).ToDictionary(g => g.Key, g => g.Select(i => (i.MineralId, i.KgPerKwh)).ToList());
        var rows = new List<Deployment>();
        string[] battery = ["battery_cells", "ev_battery", "stationary_storage"];
        var small = Size == "india-size";
        var years = small ? 2 : 30;
        for (var y = 0; y < years; y++)
        {
            foreach (var tech in battery.Take(small ? 1 : 3))
            {
                var mix = Chemistries.ToDictionary(c => c, _ => 0.25);
                rows.Add(new Deployment(tech, 2026 + y, 10 + rng.NextDouble() * 200, "GWh",
                    tech == "stationary_storage" ? DeploymentMeasure.Stock : DeploymentMeasure.PerYear, "s", mix, "m", null));
            }
            if (!small || y == 0)
            {
                rows.Add(new Deployment("solar_pv", 2026 + y, 100 + y, "GW", DeploymentMeasure.Stock, "s", null, null, null));
            }
        }
        var sources = new Dictionary<string, DemandSource>
        {
            ["s"] = new("s", "Publisher", "Document", 2024, null, false, null),
            ["m"] = new("m", "Author", "Mix", 2026, null, true, "assumed mix"),
        };
        _scenario = new DemandScenario("bench", "IND", null, sources, rows, []);
    }

    [Benchmark(Baseline = true)]
    public double BareFormula()
    {
        var totals = new Dictionary<(string, int), double>();
        foreach (var d in _scenario.Deployments)
        {
            if (d.ChemistryMix is null)
            {
                continue;
            }
            foreach (var (chemistry, share) in d.ChemistryMix)
            {
                foreach (var (mineral, kg) in _byChemistry[chemistry])
                {
                    totals[(mineral, d.Year)] = totals.GetValueOrDefault((mineral, d.Year)) + d.Value * share * kg * 1000;
                }
            }
        }
        return totals.Count;
    }

    [Benchmark]
    public double Needs() => NeedsCalculator.Compute(_scenario, _intensities, new DemandOptions(0.02, null)).Totals.Count;
}
