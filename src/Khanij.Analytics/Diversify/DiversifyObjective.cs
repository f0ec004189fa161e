namespace Khanij.Analytics.Diversify;

/// <summary>What the optimiser minimises. <c>default</c> is <see cref="Risk"/>.</summary>
public enum DiversifyObjective
{
    /// <summary>The sourcing term of the supply-risk score, Σ sᵢ² × WGIᵢ × tᵢ × partner factor.</summary>
    Risk,

    /// <summary>CVaR95 of the country's shortfall fraction over a disruption scenario's Monte Carlo draws (Rockafellar–Uryasev).</summary>
    Cvar,
}
