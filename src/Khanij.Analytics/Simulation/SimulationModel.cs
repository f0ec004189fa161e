using Khanij.Core;
using Khanij.Core.Text;

namespace Khanij.Analytics.Simulation;

/// <summary>
/// Everything a simulation engine needs: the networks (one per mineral), the events, the parameters, and the list of outputs
/// every run produces (<see cref="Metrics"/>, the same for both engines). Immutable; safe to share between threads.
/// </summary>
public sealed class SimulationModel
{
    private readonly List<string> _warnings = [];
    private readonly IPhrasebook _say;

    /// <summary>Resolves events and parameters against the networks.</summary>
    /// <param name="networks">One network per mineral (mineral ids unique).</param>
    /// <param name="events">Events; parts that touch no network (unknown mineral, stage without data, country not producing)
    /// have no effect and are listed in <see cref="Warnings"/>.</param>
    /// <param name="parameters">Responses and perspective.</param>
    /// <param name="phrases">The message catalogue for <see cref="Warnings"/>, in the reader's language; null gives message keys only.</param>
    /// <exception cref="ArgumentException">Duplicate minerals; a parameter out of range; the perspective country missing
    /// from a network; an event probability outside [0, 1].</exception>
    public SimulationModel(IReadOnlyList<SupplyNetwork> networks, IReadOnlyList<ShockEvent> events, SimulationParameters parameters,
        IPhrasebook? phrases = null)
    {
        _say = phrases ?? IPhrasebook.Keys;
        ArgumentNullException.ThrowIfNull(networks);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(parameters.SpareCapacity >= 0) || !double.IsFinite(parameters.SpareCapacity))
        {
            throw new ArgumentException($"Spare capacity must be a finite fraction ≥ 0; got {parameters.SpareCapacity}.", nameof(parameters));
        }
        if (!(parameters.HorizonMonths > 0) || !double.IsFinite(parameters.HorizonMonths))
        {
            throw new ArgumentException($"The horizon must be > 0 months; got {parameters.HorizonMonths}.", nameof(parameters));
        }
        if (!(parameters.StockpileMonths >= 0))
        {
            throw new ArgumentException($"Stockpile months must be ≥ 0; got {parameters.StockpileMonths}.", nameof(parameters));
        }
        if (networks.Select(n => n.MineralId).Distinct(StringComparer.Ordinal).Count() != networks.Count)
        {
            throw new ArgumentException("Two networks for the same mineral.", nameof(networks));
        }
        foreach (var e in events)
        {
            if (!(e.Probability is >= 0 and <= 1))
            {
                throw new ArgumentException($"Event '{e.Name}': probability {e.Probability} is not in [0, 1].", nameof(events));
            }
        }
        Networks = [.. networks];
        EventArray = [.. events];
        Events = EventArray;
        Parameters = parameters;
        var metrics = new List<SimulationMetric>();
        var plans = new List<MineralPlan>();
        foreach (var network in networks)
        {
            plans.Add(Plan(network, metrics));
        }
        foreach (var e in events)
        {
            foreach (var m in e.MineralIds.Where(m => networks.All(n => n.MineralId != m)))
            {
                _warnings.Add(_say.Format("Sim_WarnNoNetwork", e.Name, _say.Name(m)));
            }
        }
        Plans = [.. plans];
        Metrics = metrics;
    }

    /// <summary>The networks, one per mineral.</summary>
    public IReadOnlyList<SupplyNetwork> Networks { get; }

    /// <summary>The events, in the order their draws are made.</summary>
    public IReadOnlyList<ShockEvent> Events { get; }

    /// <summary>The parameters.</summary>
    public SimulationParameters Parameters { get; }

    /// <summary>The outputs of every run, in the order engines write them.</summary>
    public IReadOnlyList<SimulationMetric> Metrics { get; }

    /// <summary>Parts of events that have no effect, and other things the user should know.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    internal MineralPlan[] Plans { get; }

    /// <summary>The events as an array, so engines sample without copying.</summary>
    internal ShockEvent[] EventArray { get; }

    private MineralPlan Plan(SupplyNetwork network, List<SimulationMetric> metrics)
    {
        var p = Parameters.Perspective;
        var pIndex = -1;
        if (p is not null)
        {
            pIndex = network.IndexOf(p);
            if (pIndex < 0)
            {
                throw new ArgumentException($"The perspective country {p} is not in the {network.MineralId} network; the network "
                    + "builder must add it (as a consumer with unknown volume if nothing is known).", nameof(network));
            }
        }
        var n = network.CountryCount;
        var partner = new bool[n];
        if (pIndex >= 0)
        {
            for (var i = 0; i < n; i++)
            {
                partner[i] = i == pIndex || Parameters.Partners.Any(l => l.Covers(p!, network.Countries[i], network.MineralId));
            }
        }
        var stockpile = 0.0;
        if (pIndex >= 0)
        {
            stockpile = Parameters.StockpileTonnes.TryGetValue(network.MineralId, out var t)
                ? t
                : Parameters.StockpileMonths * network.Consumption[pIndex] / 12;
            if (Parameters.StockpileMonths > 0 && !Parameters.StockpileTonnes.ContainsKey(network.MineralId)
                && network.Consumption[pIndex] <= 0)
            {
                _warnings.Add(_say.Format("Sim_WarnStockpile", _say.Name(network.MineralId), p));
            }
        }
        var shocks = new List<PlannedShock>();
        for (var e = 0; e < Events.Count; e++)
        {
            var ev = Events[e];
            if (!ev.MineralIds.Contains(network.MineralId))
            {
                continue;
            }
            var layer = network.LayerIndexOf(ev.Stage);
            var country = network.IndexOf(ev.Country);
            var target = ev.Target is null ? -1 : network.IndexOf(ev.Target);
            if (layer < 0)
            {
                _warnings.Add(_say.Format("Sim_WarnNoStage", ev.Name, _say.Name(ev.Stage.ToId()), _say.Name(network.MineralId)));
                continue;
            }
            if (country < 0 || network.Layers[layer].Capacity[country] <= 0)
            {
                _warnings.Add(_say.Format("Sim_WarnNoOutput", ev.Name, ev.Country, _say.Name(ev.Stage.ToId()), _say.Name(network.MineralId)));
                continue;
            }
            if (ev.Kind == ShockKind.DestinationBan && target < 0)
            {
                _warnings.Add(_say.Format("Sim_WarnNoTarget", ev.Name, ev.Target, _say.Name(network.MineralId), _say.Name(ev.Stage.ToId())));
                continue;
            }
            shocks.Add(new PlannedShock(e, ev.Kind, country, target, layer));
        }
        var offset = metrics.Count;
        var mineral = network.MineralId;
        foreach (var layer in network.Layers)
        {
            var stage = layer.Stage.ToId();
            metrics.Add(new SimulationMetric(mineral, "world", stage, null, "shortfall_fraction"));
            metrics.Add(new SimulationMetric(mineral, "world", stage, null, "shortfall_t"));
            if (pIndex >= 0)
            {
                metrics.Add(new SimulationMetric(mineral, p!, stage, null, "shortfall_fraction"));
                metrics.Add(new SimulationMetric(mineral, p!, stage, null, "shortfall_t"));
            }
        }
        if (pIndex >= 0)
        {
            metrics.Add(new SimulationMetric(mineral, p!, network.Layers[^1].Stage.ToId(), null, "stockpile_drawn_t"));
        }
        foreach (var sector in network.Sectors)
        {
            metrics.Add(new SimulationMetric(mineral, "world", null, sector.Name, "shortfall_t"));
            if (pIndex >= 0)
            {
                metrics.Add(new SimulationMetric(mineral, p!, null, sector.Name, "shortfall_t"));
            }
        }
        var batteryShare = network.Sectors.Where(s => s.IsBattery).Sum(s => s.Share);
        var tonnesPerGwh = 1000 * network.BatteryChemistries.Sum(c => c.GwhShare * c.KgPerKwh);
        var chemistries = new List<(string Name, double GwhPerTonne)>();
        if (batteryShare > 0 && tonnesPerGwh > 0)
        {
            foreach (var c in network.BatteryChemistries.Where(c => c.GwhShare > 0 && c.KgPerKwh > 0))
            {
                chemistries.Add((c.Chemistry, batteryShare * c.GwhShare / tonnesPerGwh));
                metrics.Add(new SimulationMetric(mineral, "world", null, c.Chemistry, "gwh_not_made"));
                if (pIndex >= 0)
                {
                    metrics.Add(new SimulationMetric(mineral, p!, null, c.Chemistry, "gwh_not_made"));
                }
            }
        }
        return new MineralPlan(network, pIndex, partner, stockpile, offset, metrics.Count - offset, [.. shocks],
            [.. network.Sectors.Select(s => s.Share)], [.. chemistries.Select(c => c.GwhPerTonne)]);
    }
}

/// <summary>A network with its events resolved to indices and where its outputs go.</summary>
internal sealed record MineralPlan(
    SupplyNetwork Network,
    int Perspective,
    bool[] PartnerMask,
    double StockpileTonnes,
    int MetricOffset,
    int MetricCount,
    PlannedShock[] Shocks,
    double[] SectorShares,
    double[] GwhPerTonne);

/// <summary>An event's effect on one network: which country, destination (−1 if none) and layer.</summary>
internal readonly record struct PlannedShock(int EventIndex, ShockKind Kind, int Country, int Target, int Layer);
