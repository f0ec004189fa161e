namespace Khanij.Analytics.Diversify;

/// <summary>A constraint that holds with equality at the recommended mix.</summary>
/// <param name="Name">Constraint id, e.g. <c>cap:CHN</c>, <c>export:AUS</c>, <c>partners</c>.</param>
/// <param name="Description">What it says, e.g. "CHN at most 65 %".</param>
/// <param name="ShadowPrice">Change of the objective per unit (1.0 = 100 points) of the constraint's limit, from the LP duals.</param>
/// <param name="InWords">The shadow price for one percentage point, in a sentence.</param>
public sealed record BindingConstraint(string Name, string Description, double ShadowPrice, string InWords);
