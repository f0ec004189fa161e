namespace Khanij.Analytics.Demand;

/// <summary>A deployment figure that gives no mineral need, and why (e.g. the data pack has no intensity for solar PV).</summary>
/// <param name="Year">Year.</param>
/// <param name="Technology">Technology id.</param>
/// <param name="Value">The figure.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Reason">Why no need is computed.</param>
/// <param name="Citation">The figure's citation.</param>
public sealed record NotComputed(int Year, string Technology, double Value, string Unit, string Reason, string Citation);
