using Khanij.Analytics.Risk;

namespace Khanij.Application;

/// <summary>The whole brief for one perspective country: rows ranked by supply risk, the criticality matrix, and the method's inputs.</summary>
internal sealed record BriefModel(
    string Perspective,
    string PerspectiveName,
    int Year,
    IReadOnlyList<BriefRow> Rows,
    IReadOnlyList<CriticalityPoint> Matrix,
    RiskParameters Parameters,
    int? WgiYear,
    IReadOnlyList<string> PartialWgi,
    int PartnerCount,
    IReadOnlyList<string> PartnerBases,
    IReadOnlyList<string> MineralsWithoutData,
    IReadOnlyList<string> Sources,
    IReadOnlyList<BriefOwnPosition>? Own = null,
    IReadOnlyDictionary<string, string>? WithoutDataReasons = null);

/// <summary>The perspective country's own output at a ranked mineral-stage (from the table the score used) and its reserves.</summary>
internal sealed record BriefOwnPosition(string MineralId, Khanij.Core.Stage Stage, string Source, int Year, double? Tonnes, double Share, string Basis,
    double? ReservesT, string? ReservesSource);
