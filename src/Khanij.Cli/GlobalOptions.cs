using System.CommandLine;

namespace Khanij.Cli;

/// <summary>Options every verb accepts.</summary>
internal static class GlobalOptions
{
    public static Option<string?> Db { get; } = new("--db")
    {
        Description = "Path of the DuckDB store file (default: $KHANIJ_HOME/khanij.duckdb, KHANIJ_HOME defaulting to ~/.khanij).",
        Recursive = true,
    };
}
