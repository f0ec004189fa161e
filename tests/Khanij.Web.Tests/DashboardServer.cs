using Khanij.Testing;
using Khanij.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Khanij.Web.Tests.DashboardServer))]

namespace Khanij.Web.Tests;

/// <summary>One real Kestrel server on 127.0.0.1 (random port) with its own store, and one headless Debian Chromium driven by
/// Playwright, shared by the browser tests. The browser is null when /usr/bin/chromium is absent; those tests then skip.</summary>
public sealed class DashboardServer : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    public string Home { get; } = Path.Combine(Path.GetTempPath(), "khanij-web-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public IBrowser? Browser { get; private set; }

    /// <summary>The server's store file (imported once; the in-memory API tests read it too, in this process).</summary>
    public string DbPath => Path.Combine(Home, "khanij.duckdb");

    /// <summary>A copy of the imported store for the <c>khanij</c> processes the parity tests start: DuckDB lets one process at a time
    /// open a file, so they must not share the server's.</summary>
    public string CliDbPath => Path.Combine(Home, "cli", "khanij.duckdb");

    /// <summary>The running fixture, for class fixtures that need its store.</summary>
    public static DashboardServer? Current { get; private set; }

    public static string ScreenshotDir => Path.Combine(RepoPaths.Root, "artifacts", "screenshots");

    /// <summary>The built <c>khanij</c> CLI, for tests that run it as its own process.</summary>
    public static string CliDll
    {
        get
        {
            var dll = Path.Combine(AppContext.BaseDirectory.Replace("Khanij.Web.Tests", "Khanij.Cli", StringComparison.Ordinal), "khanij.dll");
            File.Exists(dll).ShouldBeTrue($"the CLI was not built at {dll}");
            return dll;
        }
    }

    /// <summary>Starts the web host in this process on a free loopback port, on the store <paramref name="dbPath"/>, with configuration
    /// <paramref name="settings"/> (e.g. <c>Khanij:HeavyConcurrency</c>); returns it and its base URL.</summary>
    public static async Task<(WebApplication App, string BaseUrl)> StartHostAsync(string dbPath, IReadOnlyDictionary<string, string> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration["Khanij:DbPath"] = dbPath;
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddKhanijWeb();
        var app = builder.Build();
        app.MapKhanijWeb();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return (app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/'));
    }

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Home);
        (_app, BaseUrl) = await StartHostAsync(DbPath, new Dictionary<string, string>());
        // Import the data pack into this server's store now, so no page waits for it.
        await _app.WarmUpAsync(TestContext.Current.CancellationToken);
        // The curated registry records of the repository (samples/registry), imported through the API as a curator would.
        using var http = new HttpClient();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples", "registry"), "*.json").Order(StringComparer.Ordinal))
        {
            using var body = new StringContent(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken), System.Text.Encoding.UTF8,
                "application/json");
            var response = await http.PostAsync(BaseUrl + "/api/partners/import", body, TestContext.Current.CancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"importing {file} failed: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
            }
        }
        // The copy is taken after the curated import, so the CLI sees the same registry as the server at this point.
        StoreFiles.Copy(DbPath, CliDbPath);

        if (File.Exists(ChromiumPath))
        {
            _playwright = await Playwright.CreateAsync();
            Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run"],
            });
        }
        Directory.CreateDirectory(ScreenshotDir);
        Current = this;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // the store may still be closing; a temp directory left behind is harmless
        }
    }
}
