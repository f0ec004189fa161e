using Khanij.Analytics.Risk;
using Khanij.Application.Services;
using Khanij.Core;

namespace Khanij.Application;

/// <summary>One mineral × stage line of the brief: the table used (scored under the perspective rule), what other sources say, and the share of
/// the supply the country is exposed to that comes from producers with a restriction in force.</summary>
internal sealed record BriefRow(PerspectiveStage Scored, IReadOnlyList<ConcentrationResult> OtherSources, double RestrictedWorldShare,
    IReadOnlyList<string> RestrictingProducers)
{
    public StageRisk Risk => Scored.Risk;

    /// <summary>The supply the perspective country is exposed to (the world without its own output).</summary>
    public ConcentrationResult Table => Scored.Exposure;

    /// <summary>The world table as published.</summary>
    public ConcentrationResult World => Scored.World;

    /// <summary>The perspective country's own share of world supply (domestic supply), or null when it is not listed.</summary>
    public double? DomesticShare => Scored.Domestic?.Share;

    public string MineralId => Risk.MineralId;

    public Stage Stage => Risk.Stage;
}
