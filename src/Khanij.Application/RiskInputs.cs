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

    /// <summary>Null when <see cref="Trade"/> is the whole table; else the ISO3 code of the one country whose flows (as reporter or partner)
    /// it holds. Valid only for that country's perspective.</summary>
    public string? TradeOfCountry { get; init; }

    /// <summary>The trade flows of one mineral (the rows of <see cref="Trade"/> with that mineral id, in their order). Risk of a stage only
    /// reads its own mineral's flows, and filtering all 80 000 rows again for each of a brief's tables was about a tenth of its time. The
    /// index belongs to the <see cref="Trade"/> list object it was built from (a copy of this record with another list gets its own).</summary>
    public IReadOnlyList<TradeFlow> TradeOf(string mineralId) =>
        TradeIndexes.GetValue(Trade, trade => trade.GroupBy(t => t.MineralId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TradeFlow>)[.. g], StringComparer.Ordinal))
            .TryGetValue(mineralId, out var rows) ? rows : [];

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<TradeFlow>,
        Dictionary<string, IReadOnlyList<TradeFlow>>> TradeIndexes = new();

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
    /// <summary>Everything, every country's trade included (the server, which answers for any country from one load).</summary>
    public static Task<RiskInputs> LoadAsync(Khanij.Data.KhanijStore store, CancellationToken cancellationToken) =>
        LoadAsync(store, null, cancellationToken);

    /// <summary>For one perspective country: the same inputs, but of the trade table only the flows <paramref name="country"/> takes part
    /// in (reporter or partner), which is all its import profile reads (<see cref="Khanij.Analytics.Risk.ImportExposure"/>) and, for India,
    /// a sixteenth of the rows: reading the whole table was the largest part of a brief's time. <paramref name="country"/> is what the
    /// user typed (ISO3 or a name); when the catalogue does not know it, everything is loaded and the use case reports the name.</summary>
    public static Task<RiskInputs> LoadForCountryAsync(Khanij.Data.KhanijStore store, Khanij.Core.Catalogue.KhanijCatalogue catalogue,
        string? country, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var text = country ?? Services.RiskService.DefaultCountry;
        var iso3 = (catalogue.CountryByIso3(text.Trim().ToUpperInvariant()) ?? catalogue.FindCountry(text))?.Iso3; // as RequestFields.Country
        return LoadAsync(store, iso3, cancellationToken);
    }

    private static async Task<RiskInputs> LoadAsync(Khanij.Data.KhanijStore store, string? tradeOf, CancellationToken cancellationToken) =>
        new(
            await store.GetSupplyAsync(cancellationToken: cancellationToken),
            await store.GetGovernanceAsync(cancellationToken: cancellationToken),
            await store.GetRestrictionsAsync(cancellationToken: cancellationToken),
            tradeOf is null
                ? await store.GetTradeFlowsAsync(cancellationToken: cancellationToken)
                : await store.GetTradeFlowsInvolvingAsync(tradeOf, cancellationToken: cancellationToken),
            await store.GetDemandAsync(cancellationToken: cancellationToken),
            await store.GetPublishedSharesAsync(cancellationToken: cancellationToken))
        {
            Recycling = await store.GetRecyclingRatesAsync(cancellationToken: cancellationToken),
            Reserves = await store.GetReservesAsync(cancellationToken: cancellationToken),
            TradeOfCountry = tradeOf,
        };
}
