using Khanij.Analytics.Risk;
using Khanij.Application.Services;

namespace Khanij.Application;

/// <summary>The whole brief for one perspective country: rows ranked by supply risk, the criticality matrix, and the method's inputs.</summary>
/// <param name="Projection">Null for observed data; else the projection the supply tables come from (e.g. "IEA base_case"), named in the title.</param>
/// <param name="CriticalList">The country's critical-minerals list the brief covers, or null when it has none (every mineral with data).</param>
/// <param name="MineralsWithoutData">Minerals on <paramref name="CriticalList"/> without supply data for the year.</param>
/// <param name="MineralsOffList">Minerals with data left out because they are not on <paramref name="CriticalList"/>.</param>
/// <param name="Demand">The section on demand and the supply gap (docs/demand.md), or null when the caller did not ask for it.</param>
internal sealed record BriefModel(
    string Perspective,
    string PerspectiveName,
    int Year,
    string? Projection,
    IReadOnlyList<BriefRow> Rows,
    IReadOnlyList<CriticalityPoint> Matrix,
    RiskParameters Parameters,
    int? WgiYear,
    IReadOnlyList<string> PartialWgi,
    PartnerSet Partners,
    CriticalList? CriticalList,
    IReadOnlyList<string> MineralsWithoutData,
    IReadOnlyList<string> MineralsOffList,
    IReadOnlyList<string> Sources,
    IReadOnlyList<BriefOwnPosition>? Own = null,
    IReadOnlyDictionary<string, string>? WithoutDataReasons = null,
    Demand.DemandBriefSection? Demand = null)
{
    /// <summary>"India (IND), 2024" or "Japan (JPN), 2030 — projection: IEA base_case".</summary>
    public string Title => $"{PerspectiveName} ({Perspective}), {Year}" + (Projection is null ? "" : $" — projection: {Projection}");

    /// <summary>What the brief covers, in words.</summary>
    public string Coverage => CriticalList is { } list
        ? $"minerals on {list.Description} ({list.Name}) with supply data"
        : $"every mineral with supply data ({Perspective} has no critical-minerals list in the data pack; lists: India 2023, EU 2023, US 2022)";

    public int PartnerCount => Partners.Partners.Count;

    public IReadOnlyList<string> PartnerBases =>
        [.. Partners.Partners.SelectMany(p => p.Bases).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}

/// <summary>The perspective country's own output at a ranked mineral-stage (from the table the score used) and its reserves.</summary>
internal sealed record BriefOwnPosition(string MineralId, Khanij.Core.Stage Stage, string Source, int Year, double? Tonnes, double Share, string Basis,
    double? ReservesT, string? ReservesSource);
