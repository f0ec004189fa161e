namespace Khanij.Analytics.Risk;

/// <summary>Every tunable input of the supply-risk method, in one place so that it can be shown next to the results and changed.
/// <see cref="Default"/> holds the values documented in <c>docs/risk.md</c>.</summary>
/// <param name="GovernanceIndicators">WGI dimensions averaged into the governance score (codes CC, GE, PV, RL, RQ, VA). The EU method uses all six.</param>
/// <param name="GovernanceYear">WGI year to use; null means the latest year present in the governance data.</param>
/// <param name="RestrictionFactor">Multiplier (≥ 1) applied to the governance term of a producer with an export restriction in force on the
/// mineral at that stage, in the spirit of the EU "t" factor.</param>
/// <param name="RestrictionStatuses">Register statuses that count as "in force" (the register's status column is as of its vintage).</param>
/// <param name="RestrictionMeasures">Measures that count as restricting supply of the mineral (a technology export ban does not by default).</param>
/// <param name="PartnerFactor">Multiplier (0–1) applied to the sourcing-side governance term of a partner country: supply from partners weighs less.
/// 1 switches partner-awareness off.</param>
/// <param name="PartnerFrameworks">Frameworks whose co-members count as partners (ids from the catalogue). General forums such as G20 or
/// BRICS are left out by default because membership there is not a minerals partnership.</param>
/// <param name="TradeYear">Year of trade data for import-side measures; null means the latest year with data for that mineral and stage.</param>
/// <param name="ImportanceScenario">IEA demand scenario used for the importance proxy of the criticality matrix (STEPS, APS or NZE).</param>
/// <param name="ImportanceYear">Year of the IEA projection used for the importance proxy.</param>
public sealed record RiskParameters(
    IReadOnlyList<string> GovernanceIndicators,
    int? GovernanceYear,
    double RestrictionFactor,
    IReadOnlyList<string> RestrictionStatuses,
    IReadOnlyList<string> RestrictionMeasures,
    double PartnerFactor,
    IReadOnlyList<string> PartnerFrameworks,
    int? TradeYear,
    string ImportanceScenario,
    int ImportanceYear)
{
    /// <summary>The documented defaults: all six WGI dimensions at the latest year, t = 1.1 for restrictions in force, partner factor 0.8
    /// with partners from MSP, IPEF, Quad and G7, latest trade year, importance from IEA STEPS 2040.</summary>
    public static RiskParameters Default { get; } = new(
        ["CC", "GE", "PV", "RL", "RQ", "VA"],
        null,
        1.1,
        ["in_force"],
        ["export_ban", "export_quota", "export_licensing", "export_suspension", "destination_ban"],
        0.8,
        ["MSP", "IPEF", "QUAD", "G7"],
        null,
        "STEPS",
        2040);

    /// <summary>Count basket HS codes (e.g. 282739 "other chlorides") and codes that include waste and scrap as if they were the mineral's
    /// product. Off by default: their tonnage is reported beside the figures instead.</summary>
    public bool IncludeBasketCodes { get; init; }

    /// <summary>An import supplier below this fraction of the perspective's apparent consumption (production + imports − exports, contained
    /// tonnes) does not drive a headline. Default 0.01 (1 %).</summary>
    public double MaterialityThreshold { get; init; } = 0.01;

    /// <summary>A stage whose apparent consumption in the perspective country is below this fraction of world supply at the stage is not
    /// material: its import-partner term does not enter the score and it does not set the mineral's overall score. Default 0.001 (0.1 %).</summary>
    public double StageMaterialityThreshold { get; init; } = 0.001;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a parameter is outside its documented range.</summary>
    public RiskParameters Validate()
    {
        if (!(RestrictionFactor >= 1 && RestrictionFactor <= 10))
        {
            throw new ArgumentOutOfRangeException(nameof(RestrictionFactor), RestrictionFactor, "The restriction factor must be between 1 and 10.");
        }
        if (!(PartnerFactor >= 0 && PartnerFactor <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(PartnerFactor), PartnerFactor, "The partner factor must be between 0 and 1.");
        }
        if (!(MaterialityThreshold >= 0 && MaterialityThreshold < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MaterialityThreshold), MaterialityThreshold, "The materiality threshold must be at least 0 and below 1.");
        }
        if (!(StageMaterialityThreshold >= 0 && StageMaterialityThreshold < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(StageMaterialityThreshold), StageMaterialityThreshold,
                "The stage materiality threshold must be at least 0 and below 1.");
        }
        if (GovernanceIndicators.Count == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(GovernanceIndicators), "At least one WGI dimension is needed (CC, GE, PV, RL, RQ, VA).");
        }
        return this;
    }
}
