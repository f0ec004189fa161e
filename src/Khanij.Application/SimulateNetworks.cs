using Khanij.Analytics.Simulation;
using Khanij.Data;

namespace Khanij.Application;

/// <summary>Reads what the network builder needs from the store, one mineral at a time.</summary>
internal static class SimulateNetworks
{
    public sealed record Loaded(IReadOnlyList<SupplyNetwork> Networks, IReadOnlyList<string> Skipped);

    public static async Task<Loaded> LoadAsync(KhanijStore store, IReadOnlyList<ShockEvent> events, string perspective,
        IReadOnlyDictionary<string, double>? batteryMix, string? source, CancellationToken ct)
    {
        var minerals = events.SelectMany(e => e.MineralIds).Distinct(StringComparer.Ordinal).ToList();
        var intensities = await store.GetBatteryIntensitiesAsync(null, ct);
        var networks = new List<SupplyNetwork>();
        var skipped = new List<string>();
        foreach (var mineral in minerals)
        {
            var network = await BuildAsync(store, mineral, events, perspective, batteryMix, source, intensities, ct);
            if (network.Network is null)
            {
                skipped.Add($"{mineral}: {network.WhyNot}");
            }
            else
            {
                networks.Add(network.Network);
            }
        }
        return new Loaded(networks, skipped);
    }

    public static async Task<(SupplyNetwork? Network, string? WhyNot)> BuildAsync(KhanijStore store, string mineral, IReadOnlyList<ShockEvent> events,
        string? perspective, IReadOnlyDictionary<string, double>? batteryMix, string? source,
        IReadOnlyList<Khanij.Core.Facts.BatteryIntensity> intensities, CancellationToken ct)
    {
        var targets = events.Where(e => e.Kind == ShockKind.DestinationBan && e.MineralIds.Contains(mineral) && e.Target is not null)
            .Select(e => e.Target!).Where(t => t != perspective).Distinct(StringComparer.Ordinal).ToList();
        var trade = new List<Khanij.Core.Facts.TradeFlow>();
        foreach (var reporter in new[] { perspective }.Concat(targets).OfType<string>())
        {
            trade.AddRange(await store.GetTradeFlowsAsync(reporter, mineral, ct));
        }
        var inputs = new NetworkInputs(mineral,
            await store.GetSupplyAsync(mineral, null, null, null, ct),
            await store.GetSankeyFlowsAsync(mineral, ct),
            trade,
            await store.GetDemandAsync(mineral, "Historical", ct),
            [.. intensities.Where(i => i.MineralId == mineral)],
            batteryMix ?? NetworkBuilder.DefaultBatteryMix,
            perspective,
            targets,
            source)
        {
            Phrases = Khanij.Application.Localization.Messages.Phrasebook,
        };
        var network = NetworkBuilder.Build(inputs, out var whyNot);
        return (network, whyNot);
    }
}
