using Khanij.Analytics.Demand;
using Khanij.Core.Catalogue;

namespace Khanij.Application.Demand;

/// <summary>Finds and reads demand scenario files: <c>scenarios/demand/</c> beside the executable, else beside the data pack (the repository).</summary>
public static class DemandScenarios
{
    /// <summary>The directory with the shipped demand scenarios, or null.</summary>
    public static string? Directory(string dataDir)
    {
        string[] candidates =
        [
            Path.Combine(AppContext.BaseDirectory, "scenarios", "demand"),
            Path.GetFullPath(Path.Combine(dataDir, "..", "scenarios", "demand")),
        ];
        return candidates.FirstOrDefault(System.IO.Directory.Exists);
    }

    /// <summary>Reads <paramref name="file"/>, or the shipped file whose country is <paramref name="country"/>.</summary>
    /// <exception cref="DemandInputException">No file, or the file has problems (all listed with line and column).</exception>
    public static async Task<DemandScenario> LoadAsync(string? file, string country, string dataDir, KhanijCatalogue catalogue,
        IReadOnlyCollection<string> chemistries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        if (file is not null)
        {
            if (!File.Exists(file))
            {
                throw new DemandInputException("scenario", $"demand scenario file '{file}' not found; expected a JSON file such as scenarios/demand/india-published-targets.json.");
            }
            return Parse(await File.ReadAllTextAsync(file, cancellationToken), file, catalogue, chemistries, requireHindi: false);
        }
        var dir = Directory(dataDir) ?? throw new DemandInputException("scenario",
            "no scenarios/demand directory beside the program or the data pack; give --scenario FILE.");
        var shipped = new List<string>();
        foreach (var path in System.IO.Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal))
        {
            // The shipped files are curated: their Hindi texts must be there (the dashboard shows them on a Hindi page).
            var scenario = Parse(await File.ReadAllTextAsync(path, cancellationToken), Path.GetFileName(path), catalogue, chemistries, requireHindi: true);
            shipped.Add($"{scenario.Country} ({Path.GetFileName(path)})");
            if (scenario.Country == country)
            {
                return scenario;
            }
        }
        throw new DemandInputException("country", $"no shipped demand scenario for {country}; scenarios exist for {string.Join(", ", shipped)}. "
            + "Give --scenario FILE (format in docs/demand.md).");
    }

    private static DemandScenario Parse(string text, string file, KhanijCatalogue catalogue, IReadOnlyCollection<string> chemistries, bool requireHindi)
    {
        var errors = DemandScenarioReader.TryParse(text, file, catalogue, chemistries, out var scenario, requireHindi);
        if (errors.Count > 0)
        {
            throw new DemandInputException("scenario", $"{errors.Count} problem{(errors.Count == 1 ? "" : "s")} in the demand scenario file; nothing was computed:\n"
                + string.Join("\n", errors.Select(e => "  " + e)));
        }
        return scenario!;
    }
}
