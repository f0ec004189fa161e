using Khanij.Analytics.Diversify;

namespace Khanij.Application.Diversify;

/// <summary>The answer to a <see cref="DiversifyRequest"/>.</summary>
/// <param name="Country">Importing country.</param>
/// <param name="Mineral">Mineral id.</param>
/// <param name="Stage">Stage id.</param>
/// <param name="Objective"><c>risk</c> or <c>cvar</c>.</param>
/// <param name="TradeYear">Trade year of today's mix and the export limits.</param>
/// <param name="ImportsT">The country's imports in that year, tonnes of contained mineral (the base of every share).</param>
/// <param name="Result">Mixes, objective before and after, binding constraints, conflicts, notes.</param>
/// <param name="Suppliers">Each candidate's inputs: WGI, restriction and partner factors, export limit and its basis.</param>
/// <param name="SupplyRiskBefore">The supply-risk score (docs/risk.md §5) of today's mix, when import reliance is known.</param>
/// <param name="SupplyRiskAfter">The same with the recommended mix (the global term unchanged).</param>
/// <param name="SupplyRiskFormula">How the score combines the terms, or why the mix does not enter it.</param>
/// <param name="Scenario">For cvar: scenario name, draws and seed.</param>
/// <param name="Sources">Data files and editions used.</param>
public sealed record DiversifyReport(
    string Country,
    string Mineral,
    string Stage,
    string Objective,
    int TradeYear,
    double ImportsT,
    DiversifyResult Result,
    IReadOnlyList<SupplierInfo> Suppliers,
    double? SupplyRiskBefore,
    double? SupplyRiskAfter,
    string SupplyRiskFormula,
    string? Scenario,
    IReadOnlyList<string> Sources);

/// <summary>One candidate supplier's inputs.</summary>
/// <param name="Iso3">Supplier.</param>
/// <param name="Today">Share today.</param>
/// <param name="Wgi">WGI score 0–10 (higher = riskier), or null.</param>
/// <param name="RestrictionFactor">t (1 or the restriction factor).</param>
/// <param name="Restrictions">Restriction ids in force.</param>
/// <param name="PartnerFactor">1, or the partner factor when linked.</param>
/// <param name="PartnerBases">Partnership bases.</param>
/// <param name="ExportsT">Its exports in the year, tonnes of contained mineral, or null.</param>
/// <param name="ExportLimit">Exports ÷ the country's imports, or null.</param>
/// <param name="ExportBasis">How the exports were formed.</param>
public sealed record SupplierInfo(
    string Iso3, double Today, double? Wgi, double RestrictionFactor, IReadOnlyList<string> Restrictions, double PartnerFactor,
    IReadOnlyList<string> PartnerBases, double? ExportsT, double? ExportLimit, string ExportBasis);
