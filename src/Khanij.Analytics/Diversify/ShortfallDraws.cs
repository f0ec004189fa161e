using Khanij.Analytics.Simulation;
using Khanij.Core.Text;
using Khanij.Core;

namespace Khanij.Analytics.Diversify;

/// <summary>The loss matrix of the CVaR objective: for every Monte Carlo draw of a disruption scenario and every supplier, the fraction of
/// that supplier's deliveries to the country lost over the horizon. Each column is one run of the existing simulation engine on the
/// scenario's network with the country's sourcing at the stage set to that supplier alone, with no spare capacity, no stockpile and no
/// partner priority: those responses depend on the mix in ways a linear programme cannot carry, so the country's loss is then exactly
/// Σᵢ sᵢ × lossᵢ (docs/simulation.md, steps 1–2; feed losses from the stage before are included). A supplier with no output of its own at
/// the stage in the supply data is bought from as the simulation buys from such partners: through its "rest of world" node, else the
/// stage's producers by world share. Draws use the simulation's sampler, so the same seed gives the same matrix.</summary>
public static class ShortfallDraws
{
    /// <summary>Builds the matrix (runs × suppliers).</summary>
    /// <param name="network">The mineral's network (as the simulation builds it for the perspective country).</param>
    /// <param name="stage">Stage whose imports are being chosen.</param>
    /// <param name="perspective">The importing country (must be in the network).</param>
    /// <param name="suppliers">Suppliers, in column order.</param>
    /// <param name="events">The scenario's shocks.</param>
    /// <param name="horizonMonths">Horizon (&gt; 0).</param>
    /// <param name="runs">Draws (≥ 1).</param>
    /// <param name="seed">Seed.</param>
    /// <param name="engine">Engine; null for the fast engine on one thread.</param>
    /// <param name="notes">Suppliers without output of their own at the stage, and how they were counted.</param>
    /// <param name="phrases">The message catalogue for the notes, in the reader's language; null gives message keys only.</param>
    /// <exception cref="ArgumentException">The stage is not in the network or the perspective is missing.</exception>
    public static double[,] Build(SupplyNetwork network, Stage stage, string perspective, IReadOnlyList<string> suppliers,
        IReadOnlyList<ShockEvent> events, double horizonMonths, int runs, ulong seed, ISimulationEngine? engine, out IReadOnlyList<string> notes,
        IPhrasebook? phrases = null)
    {
        var say = phrases ?? IPhrasebook.Keys;
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(suppliers);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var layerIndex = network.LayerIndexOf(stage);
        if (layerIndex < 0)
        {
            throw new ArgumentException($"The {network.MineralId} network has no {stage.ToId()} stage.", nameof(stage));
        }
        var p = network.IndexOf(perspective);
        if (p < 0)
        {
            throw new ArgumentException($"{perspective} is not in the {network.MineralId} network.", nameof(perspective));
        }
        engine ??= new FastEngine(1);
        var losses = new double[runs, suppliers.Count];
        var layer = network.Layers[layerIndex];
        var n = network.CountryCount;
        var parameters = new SimulationParameters(0, horizonMonths, perspective, new Dictionary<string, double>(), 0, false, []);
        // A supplier without capacity at the stage in the network (a trader, or a refiner the source folds into "other") is bought from
        // as the simulation buys from partners without refining data (docs/simulation.md, Network): through the "~Rest of world" node when
        // the source has one, else spread over the stage's producers by world share. Its column is that sourcing's loss.
        var rest = Enumerable.Range(0, n).FirstOrDefault(k => network.Countries[k].StartsWith('~') && layer.Capacity[k] > 0, -1);
        var world = layer.TotalCapacity;
        var columns = new Dictionary<int, double[]>();
        var proxied = new List<string>();
        for (var j = 0; j < suppliers.Count; j++)
        {
            var i = network.IndexOf(suppliers[j]);
            var own = i >= 0 && i != p && layer.Capacity[i] > 0;
            var key = own ? i : -1;
            if (!own)
            {
                proxied.Add(suppliers[j]);
            }
            if (!columns.TryGetValue(key, out var column))
            {
                var sourcing = layer.Sourcing.ToArray();
                for (var k = 0; k < n; k++)
                {
                    sourcing[k * n + p] = own ? (k == i ? 1 : 0) : rest >= 0 ? (k == rest ? 1 : 0) : layer.Capacity[k] / world;
                }
                column = Run(network, layerIndex, sourcing, events, parameters, engine, runs, seed, perspective, stage);
                columns[key] = column;
            }
            for (var r = 0; r < runs; r++)
            {
                losses[r, j] = column[r];
            }
        }
        notes = proxied.Count == 0 ? [] :
        [
            say.Format(rest >= 0 ? "Div_ProxiedWith" : "Div_ProxiedWorld", say.Name(stage.ToId()), rest >= 0 ? network.Countries[rest][1..] : "",
                string.Join(", ", proxied)),
        ];
        return losses;
    }

    /// <summary>One engine run with the perspective's sourcing at the stage replaced; the perspective's shortfall fraction per draw.</summary>
    private static double[] Run(SupplyNetwork network, int layerIndex, double[] sourcing, IReadOnlyList<ShockEvent> events,
        SimulationParameters parameters, ISimulationEngine engine, int runs, ulong seed, string perspective, Stage stage)
    {
        var layer = network.Layers[layerIndex];
        var layers = network.Layers.ToArray();
        layers[layerIndex] = new StageLayer(layer.Stage, layer.Capacity.ToArray(), sourcing);
        var probe = new SupplyNetwork(network.MineralId, network.Countries, layers, network.Consumption, network.Sectors,
            network.BatteryChemistries, network.Notes);
        var model = new SimulationModel([probe], events, parameters);
        var metric = -1;
        for (var m = 0; m < model.Metrics.Count; m++)
        {
            var x = model.Metrics[m];
            if (x.Scope == perspective && x.Stage == stage.ToId() && x.Measure == "shortfall_fraction")
            {
                metric = m;
            }
        }
        if (metric < 0)
        {
            throw new InvalidOperationException($"The simulation reports no {stage.ToId()} shortfall for {perspective}.");
        }
        var result = engine.Run(model, runs, seed);
        var column = new double[runs];
        for (var r = 0; r < runs; r++)
        {
            column[r] = Math.Clamp(result[r, metric], 0, 1);
        }
        return column;
    }
}
