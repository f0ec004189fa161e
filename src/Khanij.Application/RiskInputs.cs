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

    /// <summary>Null when <see cref="Governance"/> is the whole WGI table; else the indicators and requested year (null: the latest) whose
    /// estimates it holds, the only ones a governance score reads (<see cref="GovernanceIndexFor"/>). Valid only for those parameters.</summary>
    public GovernanceSelection? GovernanceOf { get; init; }

    /// <summary>Every year the store has a WGI estimate for (any indicator), to name them when a requested year has none; when not
    /// given, the years of <see cref="Governance"/>.</summary>
    public IReadOnlyList<int> GovernanceYears
    {
        get => _governanceYears ?? [.. Governance.Select(g => g.Year).Distinct().Order()];
        init => _governanceYears = value;
    }

    private readonly IReadOnlyList<int>? _governanceYears;

    /// <summary>The governance index for <paramref name="parameters"/> (<see cref="Khanij.Analytics.Risk.GovernanceIndex.Build"/>).</summary>
    /// <exception cref="InvalidOperationException">The inputs hold another selection of WGI rows than the parameters ask for.</exception>
    public Khanij.Analytics.Risk.GovernanceIndex GovernanceIndexFor(Khanij.Analytics.Risk.RiskParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (GovernanceOf is { } loaded && !loaded.Serves(parameters))
        {
            throw new InvalidOperationException($"The risk inputs hold WGI rows for {string.Join(", ", loaded.Indicators)} "
                + $"{loaded.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "latest year"}, not for the parameters' "
                + $"{string.Join(", ", parameters.GovernanceIndicators)} "
                + $"{parameters.GovernanceYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "latest year"}; load them for these parameters.");
        }
        return Khanij.Analytics.Risk.GovernanceIndex.Build(Governance, parameters.GovernanceIndicators, parameters.GovernanceYear);
    }

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
        LoadAsync(store, null, null, cancellationToken);

    /// <summary>For one perspective country: the same inputs, but of the trade table only the flows <paramref name="country"/> takes part
    /// in (reporter or partner), which is all its import profile reads (<see cref="Khanij.Analytics.Risk.ImportExposure"/>) and, for India,
    /// a sixteenth of the rows: reading the whole table was the largest part of a brief's time. <paramref name="country"/> is what the
    /// user typed (ISO3 or a name); when the catalogue does not know it, everything is loaded and the use case reports the name.
    /// With <paramref name="method"/> (the request's method parameters), of the WGI table only the estimates its governance score reads
    /// (its indicators, for its year or the latest; <see cref="RiskInputs.GovernanceOf"/>); parameters with errors get the whole table, and
    /// the use case reports the errors.</summary>
    public static Task<RiskInputs> LoadForCountryAsync(Khanij.Data.KhanijStore store, Khanij.Core.Catalogue.KhanijCatalogue catalogue,
        string? country, CancellationToken cancellationToken, Services.MethodRequest? method = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var text = country ?? Services.RiskService.DefaultCountry;
        var iso3 = (catalogue.CountryByIso3(text.Trim().ToUpperInvariant()) ?? catalogue.FindCountry(text))?.Iso3; // as RequestFields.Country
        GovernanceSelection? governance = null;
        if (method is not null)
        {
            var errors = new List<Services.RequestError>();
            var parameters = method.Resolve(catalogue, errors);
            if (errors.Count == 0)
            {
                governance = new GovernanceSelection(parameters.GovernanceIndicators, parameters.GovernanceYear);
            }
        }
        return LoadAsync(store, iso3, governance, cancellationToken);
    }

    /// <summary>Runs the reads at the same time (each on its own connection; DuckDB serves them side by side, and turning rows into
    /// records takes as long as the queries), so the second core shortens a command's wait.</summary>
    private static async Task<RiskInputs> LoadAsync(Khanij.Data.KhanijStore store, string? tradeOf, GovernanceSelection? governanceOf,
        CancellationToken cancellationToken)
    {
        static Task<T> Read<T>(Func<Task<T>> read) => Task.Run(read);
        var supply = Read(() => store.GetSupplyAsync(cancellationToken: cancellationToken));
        var trade = Read(() => tradeOf is null
            ? store.GetTradeFlowsAsync(cancellationToken: cancellationToken)
            : store.GetTradeFlowsInvolvingAsync(tradeOf, cancellationToken: cancellationToken));
        var governance = Read(() => governanceOf is null
            ? store.GetGovernanceAsync(cancellationToken: cancellationToken)
            : store.GetGovernanceOfYearAsync(governanceOf.Indicators, governanceOf.Year, cancellationToken));
        var governanceYears = governanceOf is null ? null : Read(() => store.GetGovernanceYearsAsync(cancellationToken));
        var restrictions = Read(() => store.GetRestrictionsAsync(cancellationToken: cancellationToken));
        var demand = Read(() => store.GetDemandAsync(cancellationToken: cancellationToken));
        var published = Read(() => store.GetPublishedSharesAsync(cancellationToken: cancellationToken));
        var recycling = Read(() => store.GetRecyclingRatesAsync(cancellationToken: cancellationToken));
        var reserves = Read(() => store.GetReservesAsync(cancellationToken: cancellationToken));
        var inputs = new RiskInputs(await supply, await governance, await restrictions, await trade, await demand, await published)
        {
            Recycling = await recycling,
            Reserves = await reserves,
            TradeOfCountry = tradeOf,
            GovernanceOf = governanceOf,
        };
        if (governanceYears is not null)
        {
            inputs = inputs with { GovernanceYears = await governanceYears };
        }
        Diagnostics.PhaseTimes.Mark("inputs: loaded");
        return inputs;
    }
}

/// <summary>Which WGI estimates a <see cref="RiskInputs"/> holds: those of <paramref name="Indicators"/> for <paramref name="Year"/>, or for the
/// latest year any of them has when null.</summary>
internal sealed record GovernanceSelection(IReadOnlyList<string> Indicators, int? Year)
{
    /// <summary>True when a governance score under <paramref name="parameters"/> reads only these rows.</summary>
    public bool Serves(Khanij.Analytics.Risk.RiskParameters parameters) =>
        parameters.GovernanceYear == Year
        && parameters.GovernanceIndicators.Select(i => i.ToUpperInvariant()).Order(StringComparer.Ordinal)
            .SequenceEqual(Indicators.Select(i => i.ToUpperInvariant()).Order(StringComparer.Ordinal), StringComparer.Ordinal);
}
