using System.Diagnostics;

namespace Khanij.Cli.Reports;

/// <summary>Prints the brief's HTML to PDF with headless Chromium (<c>--print-to-pdf</c>): the same page a browser shows, with the system's
/// fonts (Noto Sans Devanagari for Hindi, installed by .ci/install-deps). The browser is <c>KHANIJ_CHROMIUM</c>, else the first of
/// chromium, chromium-browser, google-chrome on the PATH.</summary>
internal static class BriefPdf
{
    private static readonly string[] Candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>The browser's path, or null when none is installed.</summary>
    public static string? FindBrowser()
    {
        var configured = Environment.GetEnvironmentVariable("KHANIJ_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => Candidates.Select(c => Path.Combine(dir, c)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Writes <paramref name="pdf"/> from the HTML file <paramref name="html"/>.</summary>
    /// <exception cref="CliException">No browser, or it failed (its message is included).</exception>
    public static async Task WriteAsync(string html, string pdf, CancellationToken cancellationToken)
    {
        var browser = FindBrowser() ?? throw new CliException(
            "--format pdf prints the report with headless Chromium, which was not found (looked for KHANIJ_CHROMIUM, then "
            + $"{string.Join(", ", Candidates)} on the PATH). Install it (Debian: apt-get install chromium) or use --format html|md.");
        var profile = Path.Combine(Path.GetTempPath(), "khanij-pdf-" + Guid.NewGuid().ToString("N")[..8]);
        var start = new ProcessStartInfo(browser)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--no-pdf-header-footer", $"--user-data-dir={profile}", $"--print-to-pdf={pdf}", new Uri(html).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(arg);
        }
        File.Delete(pdf);
        try
        {
            using var process = Process.Start(start) ?? throw new CliException($"could not start {browser} to print the PDF.");
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                throw new CliException($"{browser} did not finish printing {html} to PDF within 2 minutes.");
            }
            if (!File.Exists(pdf) || new FileInfo(pdf).Length == 0)
            {
                var log = (await stderr).Trim();
                throw new CliException($"{browser} exited with {process.ExitCode} without writing {pdf}."
                    + (log.Length > 0 ? " It said: " + log[..Math.Min(log.Length, 600)] : ""));
            }
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // the browser may still hold its profile for a moment; a temp directory left behind is harmless
            }
        }
    }
}
