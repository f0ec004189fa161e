using Khanij.Analytics.Risk;
using Khanij.Core.Catalogue;
using Khanij.Core.Partners;
using Khanij.Data;

namespace Khanij.Cli.Reports;

/// <summary>The one place where risk and brief collect a country's partner links. Today: co-membership of the catalogue's frameworks
/// named in <see cref="RiskParameters.PartnerFrameworks"/> (Basis <c>framework:ID</c>). Accepted registry partnerships (Basis
/// <c>registry</c>) are to be appended here from the store, so both verbs pick them up.</summary>
internal static class PartnerSources
{
    public static Task<IReadOnlyList<PartnerLink>> ForAsync(KhanijStore store, KhanijCatalogue catalogue, string perspective,
        RiskParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(FrameworkPartners.For(perspective, catalogue.Frameworks, parameters.PartnerFrameworks));
    }
}
