using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Khanij.Web.Tests;

/// <summary>The real <c>khanij</c> CLI as its own process: one command run to the end, or <c>khanij serve</c> kept running.</summary>
internal static partial class KhanijProcesses
{
    /// <summary>Runs <c>khanij ARGS</c> with <paramref name="environment"/> added to the environment; returns its exit code and output.</summary>
    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string>? environment = null, string? stdin = null)
    {
        var start = Start(args, environment);
        start.RedirectStandardInput = stdin is not null;
        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts <c>khanij serve --urls http://127.0.0.1:0 ARGS</c> and waits until it says where it listens.</summary>
    public static async Task<ServeHandle> ServeAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = Start(["serve", "--urls", "http://127.0.0.1:0", .. args], environment);
        var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (Dashboard().Match(line) is { Success: true } m)
            {
                _ = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
                return new ServeHandle(process, m.Groups[1].Value);
            }
        }
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        throw new InvalidOperationException($"khanij serve ended without saying where it listens (exit {process.ExitCode}): {await stderr}");
    }

    private static ProcessStartInfo Start(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(DashboardServer.CliDll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        return start;
    }

    [GeneratedRegex(@"Khanij dashboard: (http://\S+?)/?$")]
    private static partial Regex Dashboard();

    /// <summary>A running <c>khanij serve</c>; disposing stops it.</summary>
    internal sealed class ServeHandle(Process process, string baseUrl) : IAsyncDisposable
    {
        public string BaseUrl { get; } = baseUrl;

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
            process.Dispose();
        }
    }
}
