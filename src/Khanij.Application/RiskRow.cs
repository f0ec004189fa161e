using Khanij.Application.Services;

namespace Khanij.Application;

/// <summary>One row of <c>khanij risk --json</c>, <c>/api/risk</c> and the brief's rows. Shares are fractions 0–1; HHI is on 0–10 000.
/// The table fields (<c>shares</c>, <c>hhi</c>, <c>top1_*</c> …) describe the world table as published; the governance, restriction and
/// supply-risk fields describe the perspective country's exposure (the world without its own output, see <see cref="RiskExposure"/>).</summary>
internal sealed record RiskRow(
    string Mineral,
    string Stage,
    int Year,
    string Source,
    string? Scenario,
    string Measure,
    string Unit,
    string Basis,
    RiskVintage Vintage,
    double? Hhi,
    double? HhiAmongNamed,
    string? Top1Country,
    double? Top1Share,
    double? Top3Share,
    double? PublishedTop3Share,
    double? CoverageWithoutTop1,
    int Producers,
    IReadOnlyDictionary<string, double> Shares,
    double ResidualShare,
    string ResidualBasis,
    double Denominator,
    double? PublishedTotal,
    IReadOnlyList<string> Withheld,
    string Country,
    double? DomesticShare,
    RiskExposure Exposure,
    double HhiWgi,
    double HhiWgiT,
    int? WgiYear,
    IReadOnlyList<string> WgiMissing,
    double RestrictedShare,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Restrictions,
    double SupplyRisk,
    string SupplyRiskFormula,
    double? ImportReliance,
    string ImportRelianceBasis,
    RiskImports? Imports,
    PartnerSet Partners,
    RiskProvenance Provenance,
    IReadOnlyList<string> Notes,
    RiskReliance Reliance,
    bool StageMaterial,
    IReadOnlyList<string> MinorSuppliers,
    string Materiality,
    Khanij.Analytics.Risk.RecyclingInput? Recycling = null);

/// <summary>Net import reliance of a <see cref="RiskRow"/> with its inputs, all in tonnes of contained mineral.</summary>
internal sealed record RiskReliance(
    double? Value, double? ProductionT, double ImportsT, double? ExportsT, double? ApparentConsumptionT, bool IsUpperBound, bool Clipped, string Basis);

/// <summary>One HS code in <see cref="RiskImports"/>: gross and contained tonnes, counted or left out and why.</summary>
internal sealed record RiskTradeCode(
    string HsCode, string Product, string Kind, double? ContentFactor, string FactorBasis, double GrossT, double? ContainedT, bool Counted, string Reason);

/// <summary>Which data a row's figures come from: the supply table (source, year, projection scenario), the trade year of the import
/// figures and the WGI year. <c>label</c> names every vintage the row combines, e.g. "USGS 2024 supply · 2021 trade · WGI 2023".</summary>
internal sealed record RiskVintage(string SupplySource, int SupplyYear, string? SupplyScenario, int? TradeYear, int? WgiYear, string Label);

/// <summary>The supply the perspective country is exposed to. <c>basis</c> says whether its own output was taken out; the concentration
/// figures are over that supply (shares of the rest of the world when it was).</summary>
internal sealed record RiskExposure(string Basis, double Denominator, double? Hhi, string? Top1Country, double? Top1Share, double? Top3Share,
    double? CoverageWithoutTop1);

/// <summary>Import-side measures of a <see cref="RiskRow"/> (trade <c>year</c> and <c>sources</c> carried with the figures).</summary>
/// <remarks>Tonnes are tonnes of contained mineral (<see cref="ContentBasis"/>); <see cref="TonnesByPartner"/> gives each partner's.</remarks>
internal sealed record RiskImports(
    int? Year, double TotalT, double? Hhi, IReadOnlyDictionary<string, double> Shares, double ShareFromPartners,
    IReadOnlyDictionary<string, IReadOnlyList<string>> PartnerBases, double ShareFromRestricting,
    IReadOnlyDictionary<string, string> HsBasis, IReadOnlyList<string> Notes,
    string? ContentBasis, IReadOnlyDictionary<string, double> TonnesByPartner, double? ExportsT, string ExportsBasis,
    IReadOnlyList<RiskTradeCode> Codes, double LeftOutContainedT, IReadOnlyList<string> Sources,
    IReadOnlyDictionary<string, IReadOnlyList<string>> PartnerEvidence);

/// <summary>Where a <see cref="RiskRow"/>'s numbers come from: files with editions, and each country's source line.</summary>
internal sealed record RiskProvenance(IReadOnlyList<string> Sources, IReadOnlyDictionary<string, string> Rows);
