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

    /// <summary>A number that changes whenever anything the analytics read from the registry may have changed: the last sequence number of
    /// the append-only audit log, which every record insert, review and edit writes in its own transaction (0 before the registry exists).
    /// Cheap (one aggregate over an indexed key), so callers may cache registry-dependent results and check this before each use.</summary>
    public static async Task<long> VersionAsync(KhanijStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        if (!await connection.TableExistsAsync("registry_audit", cancellationToken))
        {
            return 0;
        }
        await using var last = connection.Command("SELECT coalesce(max(seq), 0) FROM registry_audit", []);
        return Convert.ToInt64(await last.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
