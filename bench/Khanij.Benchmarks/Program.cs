using BenchmarkDotNet.Running;
using Khanij.Benchmarks;

if (args.Length > 0 && args[0] == "quick-sim")
{
    return QuickSimulation.Run(args);
}
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
