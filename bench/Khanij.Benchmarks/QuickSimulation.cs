using System.Diagnostics;
using System.Globalization;
using Khanij.Analytics.Simulation;

namespace Khanij.Benchmarks;

/// <summary>
/// A quick look at the engine without BenchmarkDotNet's harness (for a loaded machine, where BenchmarkDotNet's own build and
/// iterations take long): <c>dotnet run -c Release --project bench/Khanij.Benchmarks -- quick-sim [RUNS] [THREADS] [REPEATS]</c>
/// summarises the China rare-earth scenario with the fast engine and prints wall and CPU time per repeat. CPU time (all threads of
/// this process) is the figure that still means something when other processes share the cores. Not a replacement for the tables
/// in docs/benchmarks.md, which come from BenchmarkDotNet.
/// </summary>
internal static class QuickSimulation
{
    public static int Run(string[] args)
    {
        var runs = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var threads = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        var repeats = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
        var model = BenchmarkModels.ChinaRareEarthsAsync().GetAwaiter().GetResult();
        var engine = new FastEngine(threads);
        engine.Summarise(model, Math.Min(runs, 200_000), 1); // JIT warm-up
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < repeats; i++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var summary = engine.Summarise(model, runs, 42);
            watch.Stop();
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"runs {runs} threads {threads} passes {summary.Passes}: wall {watch.Elapsed.TotalSeconds:F3} s ({runs / watch.Elapsed.TotalSeconds / 1e6:F2} M runs/s), "
                + $"CPU {cpu:F3} s ({runs / cpu / 1e6:F2} M runs per CPU-s), checksum {SimulationStreamingBenchmarks.Checksum(summary):R}, "
                + $"load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        }
        return 0;
    }
}
