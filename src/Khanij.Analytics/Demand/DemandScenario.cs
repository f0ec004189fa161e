namespace Khanij.Analytics.Demand;

/// <summary>A technology-deployment scenario for one country (a file in <c>scenarios/demand/</c>; see <c>docs/demand.md</c>).
/// If an instance came from <see cref="DemandScenarioReader"/> every deployment row cites a source that exists.</summary>
/// <param name="Name">Scenario name.</param>
/// <param name="Country">ISO3 of the country.</param>
/// <param name="Description">Free text, or null.</param>
/// <param name="Sources">Cited documents and stated assumptions by id.</param>
/// <param name="Deployments">The figures, in file order.</param>
/// <param name="Omitted">Figures the author left out and why (e.g. "no published GWh for EV batteries").</param>
/// <param name="File">File name the scenario was read from (for provenance), or null.</param>
public sealed record DemandScenario(
    string Name,
    string Country,
    string? Description,
    IReadOnlyDictionary<string, DemandSource> Sources,
    IReadOnlyList<Deployment> Deployments,
    IReadOnlyList<string> Omitted,
    string? File = null)
{
    /// <summary>The name in Hindi (<c>name_hi</c>), or null when the file gives none.</summary>
    public string? NameHi { get; init; }

    /// <summary><see cref="Omitted"/> in Hindi, same order (<c>omitted_hi</c>), or null when the file gives none.</summary>
    public IReadOnlyList<string>? OmittedHi { get; init; }

    /// <summary>The distinct years of the deployment rows, ascending.</summary>
    public IReadOnlyList<int> Years => [.. Deployments.Select(d => d.Year).Distinct().Order()];
}
