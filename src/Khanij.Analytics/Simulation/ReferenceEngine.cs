namespace Khanij.Analytics.Simulation;

/// <summary>
/// The model of <c>docs/simulation.md</c> written plainly: lists, dictionaries and full matrix loops, one run after another.
/// It is the test oracle for <see cref="FastEngine"/>; use that one for real work. Stateless and thread-safe.
/// </summary>
public sealed class ReferenceEngine : ISimulationEngine
{
    /// <inheritdoc/>
    public string Name => "reference";

    /// <inheritdoc/>
    public SimulationRuns Run(SimulationModel model, int runs, ulong seed, IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var result = new SimulationRuns(model.Metrics, runs, seed, Name);
        for (var r = 0; r < runs; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = RunOne(model, seed, r, runs > 1);
            row.CopyTo(result.Row(r));
            if ((r + 1) % 1000 == 0 || r + 1 == runs)
            {
                progress?.Report(r + 1);
            }
        }
        return result;
    }

    /// <inheritdoc/>
    /// <remarks>One thread, like <see cref="Run"/>.</remarks>
    public SimulationSummary Summarise(SimulationModel model, long runs, ulong seed, IProgress<long>? progress = null,
        CancellationToken cancellationToken = default) =>
        StreamingStatistics.Summarise(model, runs, seed, Name, () => new Evaluator(model), 1, progress, cancellationToken);

    /// <summary>As <see cref="Summarise(SimulationModel, long, ulong, IProgress{long}?, CancellationToken)"/> with a smaller keep per bin.</summary>
    internal SimulationSummary Summarise(SimulationModel model, long runs, ulong seed, int collectCap) =>
        StreamingStatistics.Summarise(model, runs, seed, Name, () => new Evaluator(model), 1, null, CancellationToken.None, collectCap);

    private sealed class Evaluator(SimulationModel model) : IRunEvaluator
    {
        public void Evaluate(ulong seed, long run, bool monteCarlo, Span<double> output) => RunOne(model, seed, run, monteCarlo).CopyTo(output);
    }

    /// <summary>One run: draw the events, then evaluate every mineral.</summary>
    internal static double[] RunOne(SimulationModel model, ulong seed, long run, bool monteCarlo)
    {
        var draws = new SampledShock[model.Events.Count];
        ShockSampler.Sample(model.EventArray, seed, run, monteCarlo, draws);
        var output = new double[model.Metrics.Count];
        foreach (var plan in model.Plans)
        {
            EvaluateMineral(model.Parameters, plan, draws, output);
        }
        return output;
    }

    private sealed record Interval(PlannedShock Shock, double Fraction, double Start, double End);

    private sealed record LayerResult(double WorldRate, double PerspectiveFraction, double PerspectiveRate);

    private static void EvaluateMineral(SimulationParameters parameters, MineralPlan plan, SampledShock[] draws, double[] output)
    {
        var network = plan.Network;
        var horizon = parameters.HorizonMonths;
        var intervals = new List<Interval>();
        foreach (var shock in plan.Shocks)
        {
            var draw = draws[shock.EventIndex];
            var end = Math.Min(draw.StartMonth + draw.DurationMonths, horizon);
            if (draw.Occurs && draw.Fraction > 0 && end > draw.StartMonth)
            {
                intervals.Add(new Interval(shock, draw.Fraction, draw.StartMonth, end));
            }
        }
        var bounds = new SortedSet<double> { 0, horizon };
        foreach (var interval in intervals)
        {
            bounds.Add(interval.Start);
            bounds.Add(interval.End);
        }
        var points = bounds.ToList();
        var layers = network.Layers.Count;
        var worldTonnes = new double[layers];
        var perspectiveFractionMonths = new double[layers];
        var perspectiveTonnes = new double[layers];
        var stock = plan.StockpileTonnes;
        var drawn = 0.0;
        var lastAfterStock = 0.0;
        for (var j = 0; j + 1 < points.Count; j++)
        {
            var (a, b) = (points[j], points[j + 1]);
            var length = b - a;
            var active = intervals.Where(x => x.Start <= a && x.End >= b).ToList();
            var results = EvaluateSegment(parameters, plan, active);
            for (var s = 0; s < layers; s++)
            {
                worldTonnes[s] += results[s].WorldRate * length / 12;
                perspectiveFractionMonths[s] += results[s].PerspectiveFraction * length;
                perspectiveTonnes[s] += results[s].PerspectiveRate * length / 12;
            }
            var need = results[^1].PerspectiveRate * length / 12;
            var take = Math.Min(stock, need);
            stock -= take;
            drawn += take;
            lastAfterStock += need - take;
        }

        var p = plan.Perspective;
        var o = plan.MetricOffset;
        for (var s = 0; s < layers; s++)
        {
            var total = network.Layers[s].TotalCapacity;
            output[o++] = total > 0 ? worldTonnes[s] / (total * horizon / 12) : 0;
            output[o++] = worldTonnes[s];
            if (p >= 0)
            {
                var volume = network.ReceiverVolume(s, p);
                var last = s == layers - 1;
                output[o++] = last && volume > 0 ? lastAfterStock / (volume * horizon / 12) : perspectiveFractionMonths[s] / horizon;
                output[o++] = last ? lastAfterStock : perspectiveTonnes[s];
            }
        }
        if (p >= 0)
        {
            output[o++] = drawn;
        }
        foreach (var share in plan.SectorShares)
        {
            output[o++] = worldTonnes[^1] * share;
            if (p >= 0)
            {
                output[o++] = lastAfterStock * share;
            }
        }
        foreach (var gwhPerTonne in plan.GwhPerTonne)
        {
            output[o++] = worldTonnes[^1] * gwhPerTonne;
            if (p >= 0)
            {
                output[o++] = lastAfterStock * gwhPerTonne;
            }
        }
    }

    private static List<LayerResult> EvaluateSegment(SimulationParameters parameters, MineralPlan plan, List<Interval> active)
    {
        var network = plan.Network;
        var n = network.CountryCount;
        var p = plan.Perspective;
        var results = new List<LayerResult>();
        var feedLoss = new double[n];
        for (var s = 0; s < network.Layers.Count; s++)
        {
            var layer = network.Layers[s];
            var here = active.Where(x => x.Shock.Layer == s).ToList();

            // Combined loss of each producer: its own cuts, and (after the first stage) its missing feed.
            var loss = new double[n];
            for (var i = 0; i < n; i++)
            {
                var remaining = 1.0;
                foreach (var x in here.Where(x => x.Shock.Country == i && x.Shock.Kind != ShockKind.DestinationBan))
                {
                    remaining *= 1 - x.Fraction;
                }
                var cut = 1 - remaining;
                loss[i] = s == 0 ? cut : 1 - (1 - cut) * (1 - feedLoss[i]);
            }
            var ban = new Dictionary<(int, int), double>();
            foreach (var x in here.Where(x => x.Shock.Kind == ShockKind.DestinationBan))
            {
                var key = (x.Shock.Country, x.Shock.Target);
                ban[key] = 1 - (1 - ban.GetValueOrDefault(key)) * (1 - x.Fraction);
            }

            var producerLoss = 0.0;
            for (var i = 0; i < n; i++)
            {
                producerLoss += layer.Capacity[i] * loss[i];
            }
            var gross = new double[n];
            var banLoss = 0.0;
            for (var k = 0; k < n; k++)
            {
                var fromProducers = 0.0;
                var fromBans = 0.0;
                for (var i = 0; i < n; i++)
                {
                    fromProducers += layer.Share(i, k) * loss[i];
                    fromBans += layer.Share(i, k) * (1 - loss[i]) * ban.GetValueOrDefault((i, k));
                }
                gross[k] = fromProducers + fromBans;
                banLoss += network.ReceiverVolume(s, k) * fromBans;
            }
            var demand = producerLoss + banLoss;

            var spare = 0.0;
            var partnerSpare = 0.0;
            for (var i = 0; i < n; i++)
            {
                if (loss[i] == 0)
                {
                    spare += parameters.SpareCapacity * layer.Capacity[i];
                    if (plan.PartnerMask[i])
                    {
                        partnerSpare += parameters.SpareCapacity * layer.Capacity[i];
                    }
                }
            }
            var pVolume = p >= 0 ? network.ReceiverVolume(s, p) : 0;
            var pLoss = p >= 0 ? pVolume * gross[p] : 0;
            var pRefill = parameters.PartnerPriority && p >= 0 ? Math.Min(Math.Min(pLoss, partnerSpare), demand) : 0;
            var restDemand = demand - pRefill;
            var restRefill = Math.Min(restDemand, spare - pRefill);
            var keep = restDemand > 0 ? (restDemand - restRefill) / restDemand : 1;
            var worldRate = demand > 0 ? (restDemand - restRefill) * producerLoss / demand : 0;

            var net = new double[n];
            for (var k = 0; k < n; k++)
            {
                net[k] = gross[k] * keep;
            }
            if (p >= 0)
            {
                net[p] = pVolume > 0 ? (pLoss - pRefill) * keep / pVolume : gross[p] * keep;
            }
            results.Add(new LayerResult(worldRate, p >= 0 ? net[p] : 0, p >= 0 ? pVolume * net[p] : 0));
            feedLoss = net;
        }
        return results;
    }
}
