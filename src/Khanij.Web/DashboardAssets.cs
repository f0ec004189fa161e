using System.Reflection;

namespace Khanij.Web;

/// <summary>
/// The dashboard's browser libraries (ECharts, TopoJSON, the world map), installed by npm at build time and embedded. A build on a
/// machine without Node.js leaves them out (src/Khanij.Web/Khanij.Web.csproj), so everything but the dashboard still works; the
/// server checks here before it starts.
/// </summary>
#pragma warning disable CA1515 // public: `khanij serve` checks before hosting the web app
public static class DashboardAssets
#pragma warning restore CA1515
{
    private const string ListKey = "KhanijDashboardLibraries";
    private const string ResourcePrefix = "Khanij.Web.Dashboard.lib.";

    /// <summary>What to do when libraries are missing, for a message.</summary>
    public const string HowToGet =
        "Install Node.js and npm (Debian: apt-get install nodejs npm) with the npm registry reachable, then build again: ./khanij rebuilds "
        + "by itself once npm is on the PATH, or run `dotnet build src/Khanij.Cli`. Every other command works without them.";

    /// <summary>The libraries the build was asked to embed (from the project file) that this assembly does not hold.</summary>
    public static IReadOnlyList<string> Missing() => Missing(typeof(DashboardAssets).Assembly);

    /// <summary>As <see cref="Missing()"/> for <paramref name="assembly"/>: the names in its <c>KhanijDashboardLibraries</c> metadata
    /// without a resource <c>Khanij.Web.Dashboard.lib.NAME</c>. An assembly without that metadata lacks nothing.</summary>
    public static IReadOnlyList<string> Missing(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var wanted = assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == ListKey)?.Value;
        if (string.IsNullOrEmpty(wanted))
        {
            return [];
        }
        var present = assembly.GetManifestResourceNames().ToHashSet(StringComparer.Ordinal);
        return [.. wanted.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(name => !present.Contains(ResourcePrefix + name))];
    }

    /// <summary>The message for a server that cannot show its dashboard, or null when nothing is missing.</summary>
    public static string? Problem(IReadOnlyList<string> missing)
    {
        ArgumentNullException.ThrowIfNull(missing);
        return missing.Count == 0
            ? null
            : $"the dashboard's chart libraries ({string.Join(", ", missing)}) are not in this build: it was built without npm. {HowToGet}";
    }
}
