using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;
using Xunit;

namespace Khanij.Testing;

/// <summary>A throwaway PostgreSQL cluster for tests: Debian's <c>initdb</c> and <c>pg_ctl</c> (installed by <c>.ci/install-deps</c>) in a
/// temp directory, listening on 127.0.0.1 at a free port with its unix socket in the same directory, password (SCRAM) sign-in, run as a
/// non-root user (PostgreSQL refuses root; under root the cluster runs as the <c>postgres</c> system user). Removed on dispose. Tests ask
/// for a fresh database each (<see cref="CreateDatabaseAsync"/>).</summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    public const string User = "khanij";

    private readonly string _bin;
    private readonly string _dir;
    private readonly string? _runAs;
    private int _databases;

    private PostgresCluster(string bin, string dir, string? runAs, int port, string password)
    {
        _bin = bin;
        _dir = dir;
        _runAs = runAs;
        Port = port;
        Password = password;
    }

    public int Port { get; }

    public string Password { get; }

    /// <summary>The directory of Debian's PostgreSQL programs (the newest version installed), or null when PostgreSQL is not installed.</summary>
    public static string? BinDirectory =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    /// <summary>Starts a cluster; skips the calling test with the reason when PostgreSQL is not installed.</summary>
    public static async Task<PostgresCluster> StartAsync()
    {
        Assert.SkipWhen(BinDirectory is null, "PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb); run .ci/install-deps.");
        var bin = BinDirectory!;
        var dir = Directory.CreateTempSubdirectory("khanij-pg-").FullName;
        var runAs = Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root" || IsRoot() ? "postgres" : null;
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var port = FreePort();
        var cluster = new PostgresCluster(bin!, dir, runAs, port, password);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "pwfile"), password + "\n");
            if (runAs is not null)
            {
                await cluster.RunAsync("chown", ["-R", runAs, dir], asUser: false);
            }
            await cluster.RunAsync(Path.Combine(bin, "initdb"),
                ["-D", Path.Combine(dir, "data"), "-U", User, "--auth=scram-sha-256", "--pwfile=" + Path.Combine(dir, "pwfile"), "-E", "UTF8",
                 "--no-sync"], asUser: true);
            await cluster.RunAsync(Path.Combine(bin, "pg_ctl"),
                ["-D", Path.Combine(dir, "data"), "-l", Path.Combine(dir, "log"), "-w", "-t", "60",
                 "-o", $"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                     + "-c max_connections=400", "start"], asUser: true);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A new empty database; returns its URI (<c>postgresql://khanij:…@127.0.0.1:PORT/NAME</c>).</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "khanij")
    {
        var name = $"{prefix}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid().ToString("N")[..6]}";
        await using var connection = new NpgsqlConnection(
            $"Host=127.0.0.1;Port={Port};Username={User};Password={Password};Database=postgres;Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return Uri(name);
    }

    /// <summary>The URI of database <paramref name="name"/>.</summary>
    public string Uri(string name) => $"postgresql://{User}:{Password}@127.0.0.1:{Port}/{name}";

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Directory.Exists(Path.Combine(_dir, "data", "global")))
            {
                await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_dir, "data"), "-m", "immediate", "-w", "stop"], asUser: true);
            }
        }
        catch (InvalidOperationException)
        {
            // not running; the directory goes anyway
        }
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // a temp directory left behind is harmless
        }
    }

    private async Task RunAsync(string program, IReadOnlyList<string> args, bool asUser)
    {
        var start = new ProcessStartInfo(asUser && _runAs is not null ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _dir,
        };
        if (asUser && _runAs is not null)
        {
            foreach (var a in new[] { "-u", _runAs, "--", program })
            {
                start.ArgumentList.Add(a);
            }
        }
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_dir, "log");
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', args)} failed (exit {process.ExitCode}): {await stderr}{await stdout}"
                + (File.Exists(log) ? "\n" + await File.ReadAllTextAsync(log) : ""));
        }
    }

    private static bool IsRoot() => File.Exists("/proc/self/status")
        && File.ReadLines("/proc/self/status").Any(l => l.StartsWith("Uid:", StringComparison.Ordinal) && l.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1] == "0");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
