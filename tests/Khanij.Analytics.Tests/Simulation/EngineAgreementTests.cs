using CsCheck;
using Khanij.Analytics.Simulation;
using Khanij.Core;
using Khanij.Core.Partners;

namespace Khanij.Analytics.Tests.Simulation;

public sealed class EngineAgreementTests
{
    private static readonly Gen<Distribution> GenDistribution =
        Gen.OneOf(
            Gen.Double[0, 1.2].Select(Distribution.Fixed),
            Gen.Double[0, 1].Select(Gen.Double[0, 1]).Select(t => Distribution.Uniform(Math.Min(t.Item1, t.Item2), Math.Max(t.Item1, t.Item2))),
            Gen.Double[0, 1].Array[3].Select(a =>
            {
                Array.Sort(a);
                return Distribution.Triangular(a[0], a[1], a[2]);
            }));

    private static Gen<ShockEvent> GenEvent(int n, int layers) =>
        from kind in Gen.Enum<ShockKind>()
        from country in Gen.Int[0, n]
        from target in Gen.Int[0, n - 1]
        from stage in Gen.Int[0, layers - 1]
        from fraction in GenDistribution
        from duration in Gen.Double[0, 18]
        from durationWidth in Gen.Double[0, 6]
        from start in Gen.Double[0, 10]
        from probability in Gen.Double[0, 1]
        select new ShockEvent("e", kind, "C" + country, "C" + target, ["m"], (Stage)stage, fraction,
            Distribution.Uniform(duration, duration + durationWidth), Distribution.Triangular(0, start / 2, start), probability);

    /// <summary>Random networks (1–2 stages, 2–7 countries, some zero capacities, partial sourcing), events and responses.</summary>
    internal static readonly Gen<SimulationModel> GenModel =
        from n in Gen.Int[2, 7]
        from layers in Gen.Int[1, 2]
        from capacity in Gen.OneOf(Gen.Double[0, 100], Gen.Const(0.0)).Array[layers * n]
        from weights in Gen.Double[0, 1].Array[layers * n * n]
        from attributed in Gen.Double[0.3, 1].Array[layers * n]
        from consumption in Gen.OneOf(Gen.Double[0, 80], Gen.Const(0.0)).Array[n]
        from perspective in Gen.Int[-1, n - 1]
        from events in GenEvent(n, layers).Array[0, 5]
        from spare in Gen.OneOf(Gen.Const(0.0), Gen.Double[0, 0.5])
        from priority in Gen.Bool
        from partnerCount in Gen.Int[0, n]
        from stockpile in Gen.Double[0, 30]
        from horizon in Gen.Double[3, 24]
        select Build(n, layers, capacity, weights, attributed, consumption, perspective, events, spare, priority, partnerCount, stockpile,
            horizon);

    private static SimulationModel Build(int n, int layers, double[] capacity, double[] weights, double[] attributed, double[] consumption,
        int perspective, ShockEvent[] events, double spare, bool priority, int partnerCount, double stockpile, double horizon)
    {
        var countries = Enumerable.Range(0, n).Select(i => "C" + i).ToArray();
        var stages = new List<StageLayer>();
        for (var s = 0; s < layers; s++)
        {
            var sourcing = new double[n * n];
            for (var k = 0; k < n; k++)
            {
                var sum = 0.0;
                for (var i = 0; i < n; i++)
                {
                    sum += weights[s * n * n + i * n + k];
                }
                for (var i = 0; i < n; i++)
                {
                    sourcing[i * n + k] = sum > 0 ? weights[s * n * n + i * n + k] / sum * attributed[s * n + k] : 0;
                }
            }
            stages.Add(new StageLayer((Stage)s, capacity[(s * n)..((s + 1) * n)], sourcing));
        }
        EndUseSector[] sectors = [new("batteries", 0.4, true), new("other", 0.5, false)];
        BatteryChemistryShare[] chemistries = [new("A", 0.3, 0.2), new("B", 0.7, 0.05)];
        var network = new SupplyNetwork("m", countries, stages, consumption, sectors, chemistries, []);
        var p = perspective >= 0 ? countries[perspective] : null;
        var partners = p is null ? [] : countries.Take(partnerCount).Select(c => new PartnerLink(p, c, [], null, null, "test", "t")).ToList();
        var parameters = new SimulationParameters(spare, horizon, p, new Dictionary<string, double>(), stockpile / 12, priority, partners);
        return new SimulationModel([network], events, parameters);
    }

    [Fact]
    public void Run_GeneratedModels_FastAgreesWithReference() =>
        GenModel.Select(Gen.Int[1, 6], Gen.ULong).Sample((model, runs, seed) =>
        {
            // Given a generated model
            // When both engines run it
            var reference = new ReferenceEngine().Run(model, runs, seed, cancellationToken: TestContext.Current.CancellationToken);
            var fast = new FastEngine(1).Run(model, runs, seed, cancellationToken: TestContext.Current.CancellationToken);

            // Then every output of every run agrees to 1e-9 (relative to the larger of 1 and the value)
            for (var r = 0; r < runs; r++)
            {
                for (var m = 0; m < model.Metrics.Count; m++)
                {
                    var (a, b) = (reference[r, m], fast[r, m]);
                    Assert.True(Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a)),
                        $"run {r} metric {model.Metrics[m].Name}: reference {a:R}, fast {b:R}");
                }
            }
        }, iter: 400);

    [Fact]
    public void Run_GeneratedModels_FractionsStayInZeroToOne() =>
        GenModel.Sample(model =>
        {
            // Given a generated model
            // When it runs once
            var fast = new FastEngine(1).Run(model, 3, 7, cancellationToken: TestContext.Current.CancellationToken);

            // Then every fraction is a fraction and every tonnage non-negative
            for (var r = 0; r < 3; r++)
            {
                for (var m = 0; m < model.Metrics.Count; m++)
                {
                    var v = fast[r, m];
                    Assert.True(v >= -1e-12, $"{model.Metrics[m].Name} = {v}");
                    if (model.Metrics[m].Measure == "shortfall_fraction")
                    {
                        Assert.True(v <= 1 + 1e-12, $"{model.Metrics[m].Name} = {v}");
                    }
                }
            }
        }, iter: 200);

    [Fact]
    public void Run_MoreSpareCapacity_NeverRaisesTheWorldShortfall() =>
        GenModel.Select(Gen.Double[0, 0.3]).Sample((model, extra) =>
        {
            // Given a model and the same model with more spare capacity
            var p = model.Parameters;
            var more = new SimulationModel(model.Networks, model.Events, p with { SpareCapacity = p.SpareCapacity + extra });

            // When both run once
            var before = new FastEngine(1).Run(model, 1, 1, cancellationToken: TestContext.Current.CancellationToken);
            var after = new FastEngine(1).Run(more, 1, 1, cancellationToken: TestContext.Current.CancellationToken);

            // Then the first stage's world shortfall does not grow (the first stage has no feed effects)
            var m = Networks.Metric(model, "m", "world", model.Networks[0].Layers[0].Stage.ToId(), "shortfall_t");
            Assert.True(after[0, m] <= before[0, m] + 1e-9, $"{before[0, m]} → {after[0, m]}");
        }, iter: 200);
}
