namespace Khanij.Data;

/// <summary>Progress of an import: a step name and how many of the total steps are done.</summary>
/// <param name="Step">What is being done now, e.g. <c>reading cheng2024_trademap_bilateral_quantities.csv</c>.</param>
/// <param name="Done">Steps completed so far.</param>
/// <param name="Total">Total number of steps.</param>
public sealed record ImportProgress(string Step, int Done, int Total);
