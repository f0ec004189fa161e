using Khanij.Analytics.Risk;
using Khanij.Core.Catalogue;
using Khanij.Core.Partners;
using Khanij.Data;
using Khanij.Data.Registry;

namespace Khanij.Application;

/// <summary>The one place where risk and brief collect a country's partner links: accepted registry partnerships (Basis <c>registry</c>,
/// and <c>framework:ID</c> from accepted framework records) plus co-membership of the catalogue's frameworks named in
/// <see cref="RiskParameters.PartnerFrameworks"/>. Only links touching the perspective country are kept.</summary>
internal static class PartnerSources
{
    public static async Task<IReadOnlyList<PartnerLink>> ForAsync(KhanijStore store, KhanijCatalogue catalogue, string perspective,
        RiskParameters parameters, CancellationToken cancellationToken)
    {
        var registry = await RegistryFeed.PartnerLinksAsync(store, catalogue, cancellationToken);
        var mine = registry.Where(l => l.CountryA == perspective || l.CountryB == perspective)
            .Where(l => !l.Basis.StartsWith("framework:", StringComparison.Ordinal)
                || parameters.PartnerFrameworks.Contains(l.Basis["framework:".Length..], StringComparer.OrdinalIgnoreCase));
        return [.. mine.Concat(FrameworkPartners.For(perspective, catalogue.Frameworks, parameters.PartnerFrameworks))];
    }
}
