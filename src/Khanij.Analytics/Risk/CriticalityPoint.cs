using Khanij.Core;

namespace Khanij.Analytics.Risk;

/// <summary>A mineral's place in the criticality matrix: supply risk against importance.</summary>
/// <param name="MineralId">Catalogue mineral id.</param>
/// <param name="SupplyRisk">Overall supply risk (maximum over stages).</param>
/// <param name="DrivingStage">The stage that sets <paramref name="SupplyRisk"/>.</param>
/// <param name="Importance">Importance on 0–10, or null when the data has no input for it.</param>
/// <param name="ImportanceBasis">What <paramref name="Importance"/> is made of (the EU's sector value added is not in the data pack).</param>
/// <param name="DemandGrowth">Projected demand in the importance year ÷ 2024 demand (IEA), or null.</param>
public sealed record CriticalityPoint(string MineralId, double SupplyRisk, Stage DrivingStage, double? Importance, string ImportanceBasis, double? DemandGrowth);
