namespace Khanij.Web;

/// <summary>Where the web host finds its data: configuration section <c>Khanij</c> (e.g. <c>Khanij__DbPath</c> in the environment).</summary>
internal sealed class KhanijWebOptions
{
    /// <summary>The data pack directory; null means <see cref="Data.DataDirectory.Locate"/>.</summary>
    public string? DataDir { get; set; }

    /// <summary>Serve the dashboard from this folder (e.g. <c>src/Khanij.Web/Dashboard</c>, after one build has copied <c>lib/</c> there) instead of the
    /// copy embedded in the assembly, so page edits show on reload without a rebuild (<c>Khanij__DashboardDir</c>). Null: the embedded copy.</summary>
    public string? DashboardDir { get; set; }

    /// <summary>The DuckDB store file; null means <c>$KHANIJ_HOME/khanij.duckdb</c>, else <c>~/.khanij/khanij.duckdb</c>.</summary>
    public string? DbPath { get; set; }

    /// <summary>Host names the server answers to, separated by <c>;</c> or <c>,</c> (e.g. <c>Khanij__AllowedHosts=khanij.lan;localhost</c>);
    /// <c>*</c> allows any. Null or empty: the loopback names only (localhost, 127.0.0.1, [::1]).</summary>
    public string? AllowedHosts { get; set; }

    /// <summary><see cref="AllowedHosts"/> as a list (empty: loopback names).</summary>
    public IReadOnlyList<string> AllowedHostNames =>
        (AllowedHosts ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Heavy requests (simulation, diversification, extraction) run at once; default: one per processor.</summary>
    public int HeavyConcurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>Heavy requests that may wait for a slot before the server answers 503; default: one per processor.</summary>
    public int HeavyQueue { get; set; } = Environment.ProcessorCount;

    /// <summary>Analytics requests (risk, brief, supply, demand, sheets) computed at once; cached answers need no slot. Default: four per processor.</summary>
    public int AnalyticsConcurrency { get; set; } = 4 * Environment.ProcessorCount;

    /// <summary>Analytics requests that may wait for a slot before the server answers 503.</summary>
    public int AnalyticsQueue { get; set; } = 512;

    /// <summary>The most work one simulation request may ask for, in run-outputs: Monte Carlo runs × (outputs + shocks) of the scenario's
    /// model. The default (10 million) is well under a second of one core in a release build; a larger request is refused with 400 before anything runs.</summary>
    public long MaxSimulationWork { get; set; } = 10_000_000;

    /// <summary>Cookies are sent only over HTTPS (default). <c>khanij serve</c> turns this off when it listens on loopback only, where a
    /// browser talks plain HTTP to it.</summary>
    public bool SecureCookies { get; set; } = true;

    /// <summary>Sign-in attempts accepted per client address and minute (more get 429).</summary>
    public int SignInsPerMinute { get; set; } = 10;

    /// <summary>Sign-in is required: the store is PostgreSQL (a shared deployment). A DuckDB store stays sign-in free (loopback only:
    /// <c>khanij serve</c> refuses another address without sign-in).</summary>
    public bool SignInRequired => Data.StoreLocation.IsPostgres(ResolveDbPath());

    /// <summary>The store file these options name, resolved the same way as the CLI's <c>--db</c>.</summary>
    public string ResolveDbPath()
    {
        if (Data.StoreLocation.IsPostgres(DbPath))
        {
            return DbPath!;
        }
        if (!string.IsNullOrWhiteSpace(DbPath))
        {
            return Path.GetFullPath(DbPath);
        }
        var home = Environment.GetEnvironmentVariable("KHANIJ_HOME");
        if (string.IsNullOrWhiteSpace(home))
        {
            home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".khanij");
        }
        return Path.Combine(Path.GetFullPath(home), "khanij.duckdb");
    }
}
