using Khanij.Analytics.Risk;
using Khanij.Core;

namespace Khanij.Application;

/// <summary>One mineral × stage line of the brief: the table used, its risk for the perspective country, and what other sources say.</summary>
internal sealed record BriefRow(StageRisk Risk, IReadOnlyList<ConcentrationResult> OtherSources, double RestrictedWorldShare,
    IReadOnlyList<string> RestrictingProducers)
{
    public ConcentrationResult Table => Risk.Global;

    public string MineralId => Risk.MineralId;

    public Stage Stage => Risk.Stage;
}
