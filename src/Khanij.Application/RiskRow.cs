namespace Khanij.Application;

/// <summary>One row of <c>khanij risk --json</c>. Shares are fractions 0–1; HHI is on 0–10 000.</summary>
internal sealed record RiskRow(
    string Mineral,
    string Stage,
    int Year,
    string Source,
    string? Scenario,
    string Measure,
    string Unit,
    string Basis,
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
    double HhiWgi,
    double HhiWgiT,
    int? WgiYear,
    IReadOnlyList<string> WgiMissing,
    double RestrictedShare,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Restrictions,
    string Country,
    double SupplyRisk,
    string SupplyRiskFormula,
    double? ImportReliance,
    string ImportRelianceBasis,
    RiskImports? Imports,
    RiskProvenance Provenance,
    IReadOnlyList<string> Notes,
    Khanij.Analytics.Risk.RecyclingInput? Recycling = null);

/// <summary>Import-side measures of a <see cref="RiskRow"/>.</summary>
internal sealed record RiskImports(
    int? Year, double TotalT, double? Hhi, IReadOnlyDictionary<string, double> Shares, double ShareFromPartners,
    IReadOnlyDictionary<string, IReadOnlyList<string>> PartnerBases, double ShareFromRestricting,
    IReadOnlyDictionary<string, string> HsBasis, IReadOnlyList<string> Notes);

/// <summary>Where a <see cref="RiskRow"/>'s numbers come from: files with editions, and each country's source line.</summary>
internal sealed record RiskProvenance(IReadOnlyList<string> Sources, IReadOnlyDictionary<string, string> Rows);
