using Khanij.Application;
using System.ComponentModel;
using Khanij.Analytics.Risk;
using Khanij.Core;
using Microsoft.AspNetCore.Mvc;

namespace Khanij.Web.Apis;

/// <summary>A mineral's place in the criticality matrix (supply risk against the stated importance proxy).</summary>
internal sealed record CriticalityDto(string MineralId, double SupplyRisk, string DrivingStage, double? Importance, string ImportanceBasis,
    double? DemandGrowth)
{
    public static CriticalityDto From(CriticalityPoint p) =>
        new(p.MineralId, p.SupplyRisk, p.DrivingStage.ToId(), p.Importance, p.ImportanceBasis, p.DemandGrowth);
}

/// <summary>The method parameters in force, so they can be shown beside the results.</summary>
internal sealed record RiskParametersDto(IReadOnlyList<string> GovernanceIndicators, int? GovernanceYear, double RestrictionFactor,
    IReadOnlyList<string> RestrictionStatuses, IReadOnlyList<string> RestrictionMeasures, double PartnerFactor, IReadOnlyList<string> PartnerFrameworks,
    int? TradeYear, string ImportanceScenario, int ImportanceYear)
{
    public static RiskParametersDto From(RiskParameters p) => new(p.GovernanceIndicators, p.GovernanceYear, p.RestrictionFactor, p.RestrictionStatuses,
        p.RestrictionMeasures, p.PartnerFactor, p.PartnerFrameworks, p.TradeYear, p.ImportanceScenario, p.ImportanceYear);
}

/// <summary>The brief: a country's exposure across every mineral with data, ranked by supply risk, with the criticality matrix.</summary>
internal sealed record BriefDto(string Perspective, int Year, IReadOnlyList<RiskRow> Rows, IReadOnlyList<CriticalityDto> Matrix,
    string ImportanceStatement, RiskParametersDto Parameters, int? WgiYear, IReadOnlyList<string> PartialWgi, int PartnerCount,
    IReadOnlyList<string> PartnerBases, IReadOnlyList<string> MineralsWithoutData, IReadOnlyList<string> Sources);

/// <summary>Method parameters of <c>/api/risk</c> and <c>/api/brief</c>; each defaults to <see cref="RiskParameters.Default"/>
/// (the defaults of <c>khanij risk</c>).</summary>
internal sealed record RiskQuery
{
    [Description("Perspective country (ISO3 or name in English or Hindi); default IND.")]
    [FromQuery(Name = "country")]
    public string? Country { get; init; }

    [Description("Factor t (1–10) on the governance term of producers with an export restriction in force; default 1.1.")]
    [FromQuery(Name = "restriction_factor")]
    public double? RestrictionFactor { get; init; }

    [Description("Factor (0–1) on the sourcing term of partner countries; 1 switches partner-awareness off; default 0.8.")]
    [FromQuery(Name = "partner_factor")]
    public double? PartnerFactor { get; init; }

    [Description("Comma-separated framework ids whose co-members count as partners, or 'none'; default as khanij risk.")]
    [FromQuery(Name = "partner_frameworks")]
    public string? PartnerFrameworks { get; init; }

    [Description("WGI year (default: the latest in the store).")]
    [FromQuery(Name = "wgi_year")]
    public int? WgiYear { get; init; }

    [Description("Trade year for import measures (default: the latest with data).")]
    [FromQuery(Name = "trade_year")]
    public int? TradeYear { get; init; }

    [Description("Also count restrictions whose status is 'suspended' as in force.")]
    [FromQuery(Name = "count_suspended")]
    public bool? CountSuspended { get; init; }
}
