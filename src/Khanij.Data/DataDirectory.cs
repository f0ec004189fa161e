namespace Khanij.Data;

/// <summary>Finds the bundled data pack: <c>$KHANIJ_DATA</c>, else <c>data/</c> beside the executable, else the repository's <c>data/</c>.</summary>
public static class DataDirectory
{
    private const string Marker = "catalogue/minerals.csv";

    /// <summary>The directory holding the data pack.</summary>
    /// <exception cref="DirectoryNotFoundException">No directory with the data pack was found; the message lists where it looked.</exception>
    public static string Locate()
    {
        var tried = new List<string>();
        var env = Environment.GetEnvironmentVariable("KHANIJ_DATA");
        if (!string.IsNullOrWhiteSpace(env))
        {
            if (File.Exists(Path.Combine(env, Marker)))
            {
                return Path.GetFullPath(env);
            }
            tried.Add(env + " (from KHANIJ_DATA)");
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data");
            if (File.Exists(Path.Combine(candidate, Marker)))
            {
                return candidate;
            }
            tried.Add(candidate);
        }
        throw new DirectoryNotFoundException(
            $"The Khanij data pack was not found (looked for {Marker} in: {string.Join(", ", tried.Take(4))} …). Set KHANIJ_DATA to the data directory.");
    }
}
