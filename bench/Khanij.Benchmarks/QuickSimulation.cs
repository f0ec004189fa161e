using System.Diagnostics;
using System.Globalization;
using Khanij.Analytics.Simulation;

namespace Khanij.Benchmarks;

/// <summary>
/// A quick look at the engine without BenchmarkDotNet's harness (for a loaded machine, where BenchmarkDotNet's own build and
/// iterations take long): <c>dotnet run -c Release --project bench/Khanij.Benchmarks -- quick-sim [RUNS] [THREADS] [REPEATS]</c>
/// times the parts on one thread (one-run sampling, the engine run by run, the reference engine on a twentieth of the runs, the
/// engine in blocks with vectorised draws), then
/// summarises the China rare-earth scenario with the fast engine on THREADS threads, printing wall and CPU time. CPU time (all
/// threads of this process) is the figure that still means something when other processes share the cores. Not a replacement for
/// the BenchmarkDotNet tables in docs/benchmarks.md.
/// </summary>
internal static class QuickSimulation
{
    public static int Run(string[] args)
    {
        var runs = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var threads = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        var repeats = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
        var model = BenchmarkModels.ChinaRareEarthsAsync().GetAwaiter().GetResult();
        Console.WriteLine($"model: {model.Metrics.Count} outputs, {model.Events.Count} events, networks: "
            + string.Join(", ", model.Networks.Select(n => $"{n.MineralId} {n.CountryCount} countries × {n.Layers.Count} stages"))
            + $"; AVX2 {System.Runtime.Intrinsics.X86.Avx2.IsSupported}");
        var process = Process.GetCurrentProcess();
        var events = model.Events.ToArray();
        var evaluator = FastEngine.NewEvaluator(model);
        var row = new double[model.Metrics.Count];
        var draws = new SampledShock[events.Length];
        var block = new SampledShock[1024 * events.Length];
        var buffer = new double[1024 * model.Metrics.Count];
        for (var i = 0; i < repeats; i++)
        {
            Part(process, runs, "sampling, one run at a time", () =>
            {
                for (long r = 0; r < runs; r++)
                {
                    ShockSampler.Sample(events, 42, r, true, draws);
                }
            });
            Part(process, runs, "sampling in blocks of 1024", () =>
            {
                for (long r = 0; r < runs; r += 1024)
                {
                    ShockSampler.SampleBlock(events, 42, r, 1024, block);
                }
            });
            Part(process, runs, "engine, one run at a time", () =>
            {
                for (long r = 0; r < runs; r++)
                {
                    evaluator.Evaluate(42, r, true, row);
                }
            });
            var referenceRuns = Math.Max(1, runs / 20);
            Part(process, referenceRuns, "reference engine, one run", () =>
            {
                for (long r = 0; r < referenceRuns; r++)
                {
                    ReferenceEngine.RunOne(model, 42, r, true);
                }
            });
            Part(process, runs, "engine in blocks of 1024", () =>
            {
                for (long r = 0; r < runs; r += 1024)
                {
                    evaluator.EvaluateBlock(42, r, 1024, buffer, 1024, 0);
                }
            });
        }
        var engine = new FastEngine(threads);
        engine.Summarise(model, Math.Min(runs, 200_000), 1); // JIT warm-up
        // The whole summary at 100 000 runs, as SimulationFastVsReferenceBenchmarks times it (reference: its engine and its statistics);
        // each once untimed first, so that the one-pass path is compiled.
        new ReferenceEngine().Summarise(model, 20_000, 1);
        engine.Summarise(model, 100_000, 1);
        var reference = Summary(process, () => new ReferenceEngine().Summarise(model, 100_000, 42));
        var fast = Math.Min(Summary(process, () => engine.Summarise(model, 100_000, 42)), Summary(process, () => engine.Summarise(model, 100_000, 43)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"summarise 100000 runs: reference {reference:F3} CPU-s, fast ({threads} threads) {fast:F3} CPU-s: fast/reference {reference / fast:F1}× in CPU time"));
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
                $"summarise: runs {runs} threads {threads} passes {summary.Passes}: wall {watch.Elapsed.TotalSeconds:F3} s ({runs / watch.Elapsed.TotalSeconds / 1e6:F2} M runs/s), "
                + $"CPU {cpu:F3} s ({runs / cpu / 1e6:F2} M runs per CPU-s), checksum {SimulationStreamingBenchmarks.Checksum(summary):R}, "
                + $"load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        }
        return 0;
    }

    private static double Summary(Process process, Func<SimulationSummary> work)
    {
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        work();
        process.Refresh();
        return (process.TotalProcessorTime - cpu0).TotalSeconds;
    }

    private static void Part(Process process, long runs, string name, Action work)
    {
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        work();
        watch.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpu0).TotalNanoseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-30}: {cpu / runs,6:F0} ns CPU per run ({watch.Elapsed.TotalNanoseconds / runs,6:F0} ns wall)"));
    }
}
