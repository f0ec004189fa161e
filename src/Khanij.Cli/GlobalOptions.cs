using System.CommandLine;

namespace Khanij.Cli;

/// <summary>Options every verb accepts.</summary>
internal static class GlobalOptions
{
    public static Option<string?> Db { get; } = new("--db")
    {
        Description = "Path of the DuckDB store file (default: $KHANIJ_STORE, else $KHANIJ_HOME/khanij.duckdb, KHANIJ_HOME defaulting to ~/.khanij).",
        Recursive = true,
    };

    public static Option<string?> Store { get; } = new("--store")
    {
        Description = "The store: a DuckDB file path, or a PostgreSQL server as postgresql://USER@HOST:PORT/DATABASE (password from PGPASSWORD "
            + "or ~/.pgpass). Default: $KHANIJ_STORE, else the DuckDB file of --db.",
        Recursive = true,
    };

    /// <summary>What <c>--store</c> or <c>--db</c> says (they name the same thing; giving both is an error), or null for the default.</summary>
    public static string? StoreOf(ParseResult parse)
    {
        var store = parse.GetValue(Store);
        var db = parse.GetValue(Db);
        if (!string.IsNullOrWhiteSpace(store) && !string.IsNullOrWhiteSpace(db))
        {
            throw new CliException($"--store '{Data.StoreLocation.Display(store)}' and --db '{db}' both name the store; expected one of them.");
        }
        return string.IsNullOrWhiteSpace(store) ? db : store;
    }
}
