using Khanij.Core.Catalogue;
using Khanij.Core.Partners;

namespace Khanij.Data.Registry;

/// <summary>The registry's feed to the analytics (partner-aware risk, brief, partner priority in simulation).</summary>
public static class RegistryFeed
{
    /// <summary>Partner links from the registry in <paramref name="store"/>: accepted records only, bilateral links (Basis
    /// <c>registry</c>) plus framework-membership links (Basis <c>framework:ID</c>) where no bilateral record covers the pair
    /// (see <see cref="Core.Registry.RegistryLinks"/>). An empty list when the registry is empty or holds only proposals.</summary>
    public static async Task<IReadOnlyList<PartnerLink>> PartnerLinksAsync(KhanijStore store, KhanijCatalogue catalogue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        var registry = await RegistryStore.OpenAsync(connection, null, cancellationToken);
        return await registry.PartnerLinksAsync(catalogue, cancellationToken);
    }
}
