using Khanij.Core.Facts;

namespace Khanij.Cli.Reports;

/// <summary>Everything the risk verbs read from the store, loaded once per command.</summary>
internal sealed record RiskInputs(
    IReadOnlyList<SupplyFact> Supply,
    IReadOnlyList<GovernanceScore> Governance,
    IReadOnlyList<ExportRestriction> Restrictions,
    IReadOnlyList<TradeFlow> Trade,
    IReadOnlyList<DemandFigure> Demand);

/// <summary>Loads <see cref="RiskInputs"/> from the store.</summary>
internal static class RiskInputsLoader
{
    public static async Task<RiskInputs> LoadAsync(Khanij.Data.KhanijStore store, CancellationToken cancellationToken) =>
        new(
            await store.GetSupplyAsync(cancellationToken: cancellationToken),
            await store.GetGovernanceAsync(cancellationToken: cancellationToken),
            await store.GetRestrictionsAsync(cancellationToken: cancellationToken),
            await store.GetTradeFlowsAsync(cancellationToken: cancellationToken),
            await store.GetDemandAsync(cancellationToken: cancellationToken));
}
