using Khanij.Core.Facts;

namespace Khanij.Application;

/// <summary>Everything the risk verbs read from the store, loaded once per command.</summary>
internal sealed record RiskInputs(
    IReadOnlyList<SupplyFact> Supply,
    IReadOnlyList<GovernanceScore> Governance,
    IReadOnlyList<ExportRestriction> Restrictions,
    IReadOnlyList<TradeFlow> Trade,
    IReadOnlyList<DemandFigure> Demand,
    IReadOnlyList<PublishedShare> Published)
{
    /// <summary>UNEP recycling estimates, for the (1 − recycling) factor of the score.</summary>
    public IReadOnlyList<RecyclingRate> Recycling { get; init; } = [];

    /// <summary>Reserves, to show a country's own reserves beside its exposure (empty when not loaded).</summary>
    public IReadOnlyList<ReserveFigure> Reserves { get; init; } = [];

    /// <summary>The trade flows of one mineral (every stage and year), from an index built on first use: the risk kernels scan a mineral's
    /// flows several times per table, and the whole pack's flows are some eighty thousand rows.</summary>
    public IReadOnlyList<TradeFlow> TradeOf(string mineralId) =>
        (_tradeByMineral ??= Trade.GroupBy(t => t.MineralId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TradeFlow>)[.. g], StringComparer.Ordinal))
        .TryGetValue(mineralId, out var flows) ? flows : [];

    private Dictionary<string, IReadOnlyList<TradeFlow>>? _tradeByMineral;

    /// <summary>The recycling input of a mineral (see <see cref="Khanij.Analytics.Risk.RecyclingFactor"/>).</summary>
    public Khanij.Analytics.Risk.RecyclingInput RecyclingFor(string mineralId) => Khanij.Analytics.Risk.RecyclingFactor.For(mineralId, Recycling);

    /// <summary>The publisher's own top-3 share for the table, when it prints one (IEA), to stand beside the computed one.</summary>
    public double? PublishedTop3(Khanij.Analytics.Risk.SupplyKey key) =>
        Published.FirstOrDefault(p => p.Source == key.Source && p.MineralId == key.MineralId && p.Stage == key.Stage && p.Year == key.Year
            && p.Scenario == key.Scenario && p.Measure.Contains("top-3", StringComparison.OrdinalIgnoreCase))?.Fraction;
}

/// <summary>Loads <see cref="RiskInputs"/> from the store.</summary>
internal static class RiskInputsLoader
{
    public static async Task<RiskInputs> LoadAsync(Khanij.Data.KhanijStore store, CancellationToken cancellationToken) =>
        new(
            await store.GetSupplyAsync(cancellationToken: cancellationToken),
            await store.GetGovernanceAsync(cancellationToken: cancellationToken),
            await store.GetRestrictionsAsync(cancellationToken: cancellationToken),
            await store.GetTradeFlowsAsync(cancellationToken: cancellationToken),
            await store.GetDemandAsync(cancellationToken: cancellationToken),
            await store.GetPublishedSharesAsync(cancellationToken: cancellationToken))
        {
            Recycling = await store.GetRecyclingRatesAsync(cancellationToken: cancellationToken),
            Reserves = await store.GetReservesAsync(cancellationToken: cancellationToken),
        };
}
