using Khanij.Cli.Reports;
using Khanij.Core.Catalogue;
using Khanij.Data;
using Spectre.Console;

namespace Khanij.Cli;

/// <summary>What every command handler gets: the console, the data pack, the catalogue and the store location.</summary>
internal sealed class CliContext(IAnsiConsole console, TextWriter stdout, TextWriter stderr)
{
    private KhanijCatalogue? _catalogue;
    private string? _dataDir;

    public IAnsiConsole Console { get; } = console;

    /// <summary>Raw standard output, for --json/--csv (never decorated).</summary>
    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    public string DataDir => _dataDir ??= DataDirectory.Locate();

    public KhanijCatalogue Catalogue => _catalogue ??= CatalogueLoader.Load(DataDir);

    /// <summary>Prints a display-width table to standard output, as wide as the console (or unbounded into a pipe or file).</summary>
    public void WriteTable(TextTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (var line in table.Lines(System.Console.IsOutputRedirected ? int.MaxValue : Console.Profile.Width))
        {
            Out.WriteLine(line);
        }
    }

    /// <summary>The store: <c>--store</c>/<c>--db</c>, else <c>$KHANIJ_STORE</c>, else <c>$KHANIJ_HOME/khanij.duckdb</c>, else
    /// <c>~/.khanij/khanij.duckdb</c>. A PostgreSQL URI is returned as given (with its password, if it has one: show it only through
    /// <see cref="StoreLocation.Display"/>); a file path is made absolute.</summary>
    public static string ResolveDbPath(string? db)
    {
        if (string.IsNullOrWhiteSpace(db))
        {
            db = Environment.GetEnvironmentVariable("KHANIJ_STORE");
        }
        if (StoreLocation.IsPostgres(db))
        {
            return db!;
        }
        if (!string.IsNullOrWhiteSpace(db))
        {
            return Path.GetFullPath(db);
        }
        var home = Environment.GetEnvironmentVariable("KHANIJ_HOME");
        if (string.IsNullOrWhiteSpace(home))
        {
            home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".khanij");
        }
        return Path.Combine(Path.GetFullPath(home), "khanij.duckdb");
    }
}
