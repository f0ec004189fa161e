using Khanij.Analytics.Simulation;
using Khanij.Core;

namespace Khanij.Analytics.Diversify;

/// <summary>The loss matrix of the CVaR objective: for every Monte Carlo draw of a disruption scenario and every supplier, the fraction of
/// that supplier's deliveries to the country lost over the horizon. Each column is one run of the existing simulation engine on the
/// scenario's network with the country's sourcing at the stage set to that supplier alone, with no spare capacity, no stockpile and no
/// partner priority: those responses depend on the mix in ways a linear programme cannot carry, so the country's loss is then exactly
/// Σᵢ sᵢ × lossᵢ (docs/simulation.md, steps 1–2; feed losses from the stage before are included). Draws use the simulation's sampler,
/// so the same seed gives the same matrix.</summary>
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
    /// <param name="notes">Suppliers no shock can reach and why.</param>
    /// <exception cref="ArgumentException">The stage is not in the network or the perspective is missing.</exception>
    public static double[,] Build(SupplyNetwork network, Stage stage, string perspective, IReadOnlyList<string> suppliers,
        IReadOnlyList<ShockEvent> events, double horizonMonths, int runs, ulong seed, ISimulationEngine? engine, out IReadOnlyList<string> notes)
    {
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
        var unreached = new List<string>();
        var layer = network.Layers[layerIndex];
        var n = network.CountryCount;
        var parameters = new SimulationParameters(0, horizonMonths, perspective, new Dictionary<string, double>(), 0, false, []);
        for (var j = 0; j < suppliers.Count; j++)
        {
            var i = network.IndexOf(suppliers[j]);
            if (i < 0 || layer.Capacity[i] <= 0)
            {
                unreached.Add(suppliers[j]);
                continue;
            }
            var sourcing = layer.Sourcing.ToArray();
            for (var k = 0; k < n; k++)
            {
                sourcing[k * n + p] = k == i ? 1 : 0;
            }
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
            var result = engine.Run(model, runs, seed);
            for (var r = 0; r < runs; r++)
            {
                losses[r, j] = Math.Clamp(result[r, metric], 0, 1);
            }
        }
        notes = unreached.Count == 0 ? [] :
        [
            $"Not in the scenario's {stage.ToId()} data, so no shock reaches them (loss 0 in every draw): {string.Join(", ", unreached)}.",
        ];
        return losses;
    }
}
