namespace Khanij.Analytics.Simulation;

/// <summary>What a shock does. <c>default</c> is <see cref="Cut"/>.</summary>
public enum ShockKind
{
    /// <summary>A country supplies a fraction less at a stage (to every receiver, itself included).</summary>
    Cut,
    /// <summary>A country's stage stops completely (a cut of fraction 1).</summary>
    Outage,
    /// <summary>A country stops supplying one destination (fraction of that flow) at a stage.</summary>
    DestinationBan,
}
