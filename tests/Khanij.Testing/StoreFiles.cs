namespace Khanij.Testing;

/// <summary>DuckDB store files for tests that need a store of their own.</summary>
public static class StoreFiles
{
    /// <summary>Copies the store file <paramref name="source"/> and its write-ahead log (when there is one) to <paramref name="target"/>,
    /// creating the target's directory. DuckDB lets one process open a file at a time, so a process or server under test gets a copy.</summary>
    public static string Copy(string source, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        foreach (var suffix in new[] { "", ".wal" })
        {
            if (File.Exists(source + suffix))
            {
                File.Copy(source + suffix, target + suffix);
            }
        }
        return target;
    }
}
