namespace Khanij.Analytics.Diversify;

/// <summary>The optimiser's answer.</summary>
/// <param name="Objective">What was minimised.</param>
/// <param name="IsFeasible">False when no mix meets the constraints; then <see cref="Conflicts"/> says why and the mix is today's.</param>
/// <param name="Conflicts">The constraints that cannot hold together, in words (empty when feasible).</param>
/// <param name="Mix">Today's and the recommended share of every supplier considered, largest recommended first.</param>
/// <param name="Before">Objective value of today's mix (exact).</param>
/// <param name="After">Objective value of the recommended mix (exact; for the risk objective the LP uses a piecewise-linear form of sᵢ²
/// that is exact at whole percentage points, and this is the quadratic recomputed).</param>
/// <param name="Binding">Binding constraints with shadow prices.</param>
/// <param name="Notes">Suppliers left out and why, approximations, bases.</param>
public sealed record DiversifyResult(
    DiversifyObjective Objective,
    bool IsFeasible,
    IReadOnlyList<string> Conflicts,
    IReadOnlyList<SupplierShare> Mix,
    double Before,
    double After,
    IReadOnlyList<BindingConstraint> Binding,
    IReadOnlyList<string> Notes);
