using System.Text.RegularExpressions;
using Khanij.Core.Catalogue;
using Khanij.Data.Import;

namespace Khanij.Data;

/// <summary>Defaults for <c>khanij data add</c>: which layout a file is in, and its source id, edition and mineral when not given.</summary>
public static class AddedSourceDefaults
{
    /// <summary>The layout recognised from the header line, or null.</summary>
    public static string? Guess(string path)
    {
        string header;
        using (var reader = new StreamReader(path))
        {
            header = (reader.ReadLine() ?? "").TrimStart('\uFEFF');
        }
        var columns = header.Split(',').Select(c => c.Trim().Trim('"')).ToHashSet(StringComparer.Ordinal);
        return columns.Contains("Country") && columns.Contains("Type") && columns.Any(c => c.StartsWith("Prod_", StringComparison.Ordinal) || c.StartsWith("Reserves_", StringComparison.Ordinal)) ? "usgs-mcs"
            : columns.Contains("cmdCode") && columns.Contains("reporterISO") ? "comtrade"
            : new[] { "t", "i", "j", "k", "v", "q" }.All(columns.Contains) ? "baci"
            : null;
    }

    /// <summary>The source record for a file: given values win; otherwise the USGS edition from the file's first Source cell, the mineral
    /// from its name; Comtrade and BACI editions from the file name.</summary>
    /// <exception cref="ArgumentException">A USGS file whose mineral is neither given nor recognisable from its name, or an unknown mineral.</exception>
    public static AddedSource For(string path, string format, string? source, string? edition, string? mineral, KhanijCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var name = Path.GetFileName(path);
        var stem = Path.GetFileNameWithoutExtension(path);
        switch (format)
        {
            case "usgs-mcs":
            {
                var id = mineral is null ? PackReader.UsgsMineralFromName(name, catalogue) : catalogue.FindMineral(mineral)?.Id;
                if (id is null)
                {
                    throw new ArgumentException(mineral is null
                        ? $"{name}: the mineral cannot be told from the file name; pass --mineral (e.g. --mineral lithium)."
                        : $"'{mineral}' is not in the catalogue; expected a mineral id or name such as lithium.");
                }
                var ed = edition ?? FirstSourceCell(path) ?? stem;
                return new AddedSource(name, format, source ?? "usgs_" + Regex.Replace(ed.ToLowerInvariant(), "[^a-z0-9]+", "_"), ed, id, "");
            }
            case "comtrade":
                return new AddedSource(name, format, source ?? "comtrade_added", edition ?? "UN Comtrade export " + stem, "", "");
            default:
                return new AddedSource(name, format, source ?? "baci", edition ?? stem, "", "");
        }
    }

    private static string? FirstSourceCell(string path)
    {
        using var reader = new StreamReader(path);
        var header = (reader.ReadLine() ?? "").TrimStart('\uFEFF').Split(',');
        var index = Array.FindIndex(header, h => h.Trim() == "Source");
        var first = reader.ReadLine()?.Split(',');
        return index >= 0 && first is not null && index < first.Length && Regex.IsMatch(first[index].Trim(), @"^MCS\d{4}$") ? first[index].Trim() : null;
    }
}
