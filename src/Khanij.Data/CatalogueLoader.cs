using Khanij.Core.Catalogue;

namespace Khanij.Data;

/// <summary>Reads the catalogue files of a data directory into a <see cref="KhanijCatalogue"/>.</summary>
public static class CatalogueLoader
{
    /// <summary>Loads the catalogue from <paramref name="dataDir"/> (default: <see cref="DataDirectory.Locate"/>).</summary>
    public static KhanijCatalogue Load(string? dataDir = null)
    {
        var dir = dataDir ?? DataDirectory.Locate();
        return CatalogueReader.Read(name => File.ReadAllText(Path.Combine(dir, name)));
    }
}
