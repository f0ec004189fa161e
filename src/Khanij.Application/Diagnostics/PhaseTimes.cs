using System.Diagnostics;
using System.Globalization;

namespace Khanij.Application.Diagnostics;

/// <summary>Where a command's time goes: with <c>KHANIJ_TIMINGS=1</c> in the environment, <see cref="Mark"/> prints to stderr the wall time
/// since the process started and the process's CPU time (user + system) so far, with the phase just finished. Off (one static bool test per
/// mark) otherwise. For profiling whole processes (docs/benchmarks.md), never read by tests or output.</summary>
internal static class PhaseTimes
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("KHANIJ_TIMINGS") == "1";

    /// <summary>Prints "timing: WALL ms wall, CPU ms CPU, phase" when enabled.</summary>
    public static void Mark(string phase)
    {
        if (!Enabled)
        {
            return;
        }
        using var process = Process.GetCurrentProcess();
        var wall = (DateTime.Now - process.StartTime).TotalMilliseconds;
        var cpu = process.TotalProcessorTime.TotalMilliseconds;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"timing: {wall,7:0} ms wall {cpu,7:0} ms CPU  [{Environment.CurrentManagedThreadId,2}] {phase}"));
    }
}
