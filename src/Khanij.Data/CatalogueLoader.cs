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

    /// <summary>Loads the officials' known Latin spellings (<see cref="OfficialSpellings.FileName"/>) from <paramref name="dataDir"/>
    /// (default: <see cref="DataDirectory.Locate"/>).</summary>
    /// <exception cref="FormatException">A problem in the file, with its line and column.</exception>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    public static OfficialSpellings LoadOfficialSpellings(string? dataDir = null)
    {
        var path = Path.Combine(dataDir ?? DataDirectory.Locate(), OfficialSpellings.FileName);
        return OfficialSpellings.Parse(File.ReadAllText(path), path);
    }
}
