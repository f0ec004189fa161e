using Khanij.Core.Facts;

namespace Khanij.Cli.Reports;

/// <summary>Everything the risk verbs read from the store, loaded once per command.</summary>
internal sealed record RiskInputs(
    IReadOnlyList<SupplyFact> Supply,
    IReadOnlyList<GovernanceScore> Governance,
    IReadOnlyList<ExportRestriction> Restrictions,
    IReadOnlyList<TradeFlow> Trade,
    IReadOnlyList<DemandFigure> Demand);
