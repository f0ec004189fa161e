namespace Khanij.Analytics.Demand;

/// <summary>What a deployment figure counts. <c>default</c> is <see cref="PerYear"/>.</summary>
public enum DeploymentMeasure
{
    /// <summary>Deployed (or made) in that year, e.g. GWh of cells produced in 2030.</summary>
    PerYear,

    /// <summary>Installed stock at the end of that year, e.g. 236 GWh of battery storage installed by 2032. Needs per year come from the
    /// difference between two stock figures of the same technology.</summary>
    Stock,

    /// <summary>A share (0–1), e.g. the electric share of new vehicle sales. It carries no quantity, so no needs follow from it alone.</summary>
    Share,
}
