using System.CommandLine;
using System.Net;
using Khanij.Data;
using Khanij.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij serve</c>: the HTTP API and the dashboard in this process, on the embedded store.</summary>
internal static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static Command Create(CliContext context)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen (semicolon-separated). Loopback by default. Another address needs sign-in, i.e. a PostgreSQL "
                + "store (--store postgresql://…) with accounts ('khanij users add'); a DuckDB store is served on loopback only, without "
                + "sign-in. Port 0 picks a free port.",
            DefaultValueFactory = _ => DefaultUrl,
        };
        var command = new Command("serve", "Serve the web dashboard and the HTTP API (OpenAPI at /openapi/v1.json) until Ctrl+C.") { urls };
        command.SetHandler(context, async (parse, cancellationToken) =>
        {
            var addresses = ParseUrls(parse.GetValue(urls) ?? DefaultUrl);
            var location = CliContext.ResolveDbPath(GlobalOptions.StoreOf(parse));
            var signIn = StoreLocation.IsPostgres(location);
            if (!signIn && addresses.FirstOrDefault(a => !IsLoopback(a)) is { } open)
            {
                throw new CliException($"--urls {open}: not serving beyond loopback without sign-in. A DuckDB store has no accounts, so anyone who "
                    + "can reach the address could change the registry. Serve a PostgreSQL store with accounts (--store postgresql://…, "
                    + "'khanij users add NAME --role admin'), or listen on 127.0.0.1.");
            }
            if (signIn)
            {
                await RequireAdminAsync(location, cancellationToken);
            }
            if (DashboardAssets.Problem(DashboardAssets.Missing()) is { } missing)
            {
                throw new CliException(missing);
            }
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                ContentRootPath = AppContext.BaseDirectory,
                EnvironmentName = Environments.Production,
            });
            builder.Configuration["Khanij:DataDir"] = context.DataDir;
            // Session cookies only over HTTPS, except on loopback, where the browser talks plain HTTP to this process.
            builder.Configuration["Khanij:SecureCookies"] = addresses.All(IsLoopback) ? "false" : "true";
            builder.Configuration["Khanij:DbPath"] = CliContext.ResolveDbPath(GlobalOptions.StoreOf(parse));
            builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
            builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
            builder.WebHost.UseUrls([.. addresses.Select(a => a.ToString())]);
            builder.AddKhanijWeb();
            await using var app = builder.Build();
            app.MapKhanijWeb();
            var dbPath = CliContext.ResolveDbPath(GlobalOptions.StoreOf(parse));
            try
            {
                if (!await KhanijStore.IsReadyAsync(dbPath, cancellationToken))
                {
                    context.Error.WriteLine($"khanij: creating the store {StoreLocation.Display(dbPath)} from the data pack in {context.DataDir} …");
                }
                await app.WarmUpAsync(cancellationToken);
            }
            catch (ImportFailedException e)
            {
                throw new CliException(StoreAccess.FormatErrors(e.Errors, "nothing was imported, so there is nothing to serve"));
            }
            catch (StoreUnavailableException e)
            {
                throw new CliException(e.Message);
            }
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                throw new CliException($"could not listen on {string.Join(", ", addresses)}: {e.Message} "
                    + "Try another port, e.g. --urls http://127.0.0.1:5081 (or port 0 for any free port).");
            }
            var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var first = bound.FirstOrDefault() ?? addresses[0].ToString();
            context.Out.WriteLine($"Khanij dashboard: {first.TrimEnd('/')}/");
            context.Out.WriteLine($"API reference:    {first.TrimEnd('/')}{KhanijWebSetup.ReferencePath}/   (OpenAPI: {first.TrimEnd('/')}/openapi/v1.json)");
            context.Out.WriteLine($"Store: {StoreLocation.Display(dbPath)}. Press Ctrl+C to stop.");
            if (signIn)
            {
                context.Out.WriteLine("Sign-in required (accounts: 'khanij users list'; audit log: 'khanij audit').");
            }
            await context.Out.FlushAsync(cancellationToken);
            try
            {
                await app.WaitForShutdownAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C is how a server is meant to stop: not an error.
            }
            await app.StopAsync(CancellationToken.None);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A shared server must have someone who can sign in and manage it: refuses to start without an admin account.</summary>
    private static async Task RequireAdminAsync(string location, CancellationToken cancellationToken)
    {
        try
        {
            await using var store = KhanijStore.At(location);
            await using var connection = await store.OpenConnectionAsync(cancellationToken);
            var accounts = await (await Data.Accounts.AccountStore.OpenAsync(connection, null, cancellationToken)).ListAsync(cancellationToken);
            if (!accounts.Any(a => a.Role == Data.Accounts.Role.Admin))
            {
                throw new CliException($"the store {StoreLocation.Display(location)} has no admin account, so nobody could sign in to manage it; "
                    + "add one first: khanij users add NAME --role admin --store … (the password is read from standard input).");
            }
        }
        catch (StoreUnavailableException e)
        {
            throw new CliException(e.Message);
        }
    }

    private static List<Uri> ParseUrls(string text)
    {
        var result = new List<Uri>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(part, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || uri.AbsolutePath != "/")
            {
                throw new CliException($"--urls: '{part}' is not an address to listen on; expected e.g. {DefaultUrl} (scheme, host and port only).");
            }
            // Kestrel cannot pick a free port for the name "localhost" (it would bind two addresses): ask for it on 127.0.0.1,
            // which is what localhost means here, and print the address it got.
            result.Add(uri.Port == 0 && string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
                ? new UriBuilder(uri) { Host = "127.0.0.1" }.Uri
                : uri);
        }
        return result.Count > 0 ? result : throw new CliException($"--urls is empty; expected e.g. {DefaultUrl}.");
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
