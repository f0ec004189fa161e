using Khanij.Application;
using System.CommandLine;
using Khanij.Analytics.Simulation;
using Khanij.Core;
using Khanij.Core.Partners;
using Khanij.Data.Registry;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij simulate [SCENARIO.json] [--shock …]</c>: disruption simulation (see docs/simulation.md).</summary>
internal static class SimulateCommand
{
    private const string DefaultCountry = "IND";
    private const ulong DefaultSeed = 20250222;

    public static Command Create(CliContext context)
    {
        var scenarioFile = new Argument<string?>("SCENARIO")
        {
            Description = "Scenario file (JSON; see docs/simulation.md and scenarios/). Command-line options override its values.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var shock = new Option<string[]>("--shock")
        {
            Description = "A shock ISO3:mineral:stage:fraction:months, e.g. CHN:rare_earths:mining:0.5:12 (fraction 1 = outage); "
                + "ISO3>TARGET:mineral:stage:fraction:months is a destination ban. Repeatable; added to the scenario's shocks.",
            AllowMultipleArgumentsPerToken = true,
        };
        var country = new Option<string?>("--country")
        {
            Description = $"Perspective country (ISO3 or name) whose shortfall is reported besides the world's (default: the scenario's, else {DefaultCountry}).",
        };
        var spare = new Option<double?>("--spare-capacity")
        {
            Description = "Spare capacity of producers not hit, as a fraction of their output (default: the scenario's, else "
                + $"{SimulationParameters.DefaultSpareCapacity}).",
        };
        var runs = new Option<int?>("--runs") { Description = "Monte Carlo runs (default: the scenario's, else 1 = one run with central values)." };
        var seed = new Option<ulong?>("--seed") { Description = $"Seed of the Monte Carlo draws (default: the scenario's, else {DefaultSeed})." };
        var engine = new Option<string>("--engine") { Description = "Engine: fast (production) or reference (plain oracle).", DefaultValueFactory = _ => "fast" };
        engine.AcceptOnlyFromAmong("fast", "reference");
        var threads = new Option<int?>("--threads") { Description = "Threads for the fast engine (default: all cores). Results do not depend on it." };
        var priority = new Option<bool?>("--partner-priority")
        {
            Description = "Partners' spare capacity serves the perspective country first (partners: fellow members of MSP, IPEF or the Quad, "
                + "and accepted partnerships in the registry).",
        };
        var stockpile = new Option<double?>("--stockpile-months") { Description = "Perspective country's stockpile in months of its use (default: the scenario's, else 0)." };
        var horizon = new Option<double?>("--horizon") { Description = "Months over which shortfalls are counted (default: the scenario's, else 12)." };
        var source = new Option<string?>("--source") { Description = "Supply source to prefer: iea, usgs or cheng2020 (default: iea, then usgs, then cheng2020)." };
        source.AcceptOnlyFromAmong("iea", "usgs", "cheng2020", "usgs2024");
        var json = new Option<bool>("--json") { Description = "Print JSON instead of tables." };
        var command = new Command("simulate",
            "Simulate export cuts, destination bans and outages: shortfall per stage (mining → refining), for the world and a country, "
            + "and downstream per end-use sector (battery GWh not made). With --runs > 1, Monte Carlo over the scenario's distributions "
            + "gives mean, median, P95 and CVaR95.\n\n" + ExitCodes.HelpText)
        {
            scenarioFile, shock, country, spare, runs, seed, engine, threads, priority, stockpile, horizon, source, json,
        };
        command.SetHandler(context, async (parse, ct) =>
        {
            var catalogue = context.Catalogue;
            Scenario? scenario = null;
            if (parse.GetValue(scenarioFile) is { Length: > 0 } file)
            {
                if (!File.Exists(file))
                {
                    throw new CliException($"scenario file '{file}' not found; expected a JSON file such as scenarios/drc-cobalt-suspension-2025.json.");
                }
                var errors = ScenarioReader.TryParse(await File.ReadAllTextAsync(file, ct), file, catalogue, out scenario);
                if (errors.Count > 0)
                {
                    throw new CliException($"{errors.Count} problem{(errors.Count == 1 ? "" : "s")} in the scenario file; nothing was run:\n"
                        + string.Join("\n", errors.Select(e => "  " + e)));
                }
            }
            var events = new List<ShockEvent>(scenario?.Shocks ?? []);
            foreach (var text in parse.GetValue(shock) ?? [])
            {
                events.Add(ScenarioReader.ParseShort(text, catalogue, out var error) ?? throw new CliException("--shock " + error));
            }
            if (events.Count == 0)
            {
                throw new CliException("nothing to simulate; give a scenario file or at least one --shock ISO3:mineral:stage:fraction:months "
                    + "(e.g. --shock CHN:rare_earths:mining:0.5:12).");
            }

            string perspective;
            if (parse.GetValue(country) is { Length: > 0 } c)
            {
                perspective = catalogue.CountryByIso3(c.ToUpperInvariant())?.Iso3 ?? catalogue.FindCountry(c)?.Iso3
                    ?? throw new CliException($"--country '{c}' is not a known country; expected an ISO3 code such as IND (see `khanij countries`).");
            }
            else
            {
                perspective = scenario?.Perspective ?? DefaultCountry;
            }
            var spareCapacity = parse.GetValue(spare) ?? scenario?.SpareCapacity ?? SimulationParameters.DefaultSpareCapacity;
            if (!(spareCapacity >= 0) || !double.IsFinite(spareCapacity))
            {
                throw new CliException($"--spare-capacity {spareCapacity} is not valid; expected a fraction ≥ 0 (0.05 = 5 % of output).");
            }
            var runCount = parse.GetValue(runs) ?? scenario?.Runs ?? 1;
            if (runCount is < 1 or > 10_000_000)
            {
                throw new CliException($"--runs {runCount} is out of range; expected 1 to 10000000.");
            }
            var horizonMonths = parse.GetValue(horizon) ?? scenario?.HorizonMonths ?? 12;
            if (!(horizonMonths > 0) || horizonMonths > 1200)
            {
                throw new CliException($"--horizon {horizonMonths} is out of range; expected months above 0 and up to 1200.");
            }
            var stockpileMonths = parse.GetValue(stockpile) ?? scenario?.StockpileMonths ?? 0;
            if (!(stockpileMonths >= 0))
            {
                throw new CliException($"--stockpile-months {stockpileMonths} is not valid; expected months ≥ 0.");
            }
            var threadCount = parse.GetValue(threads);
            if (threadCount is < 1)
            {
                throw new CliException($"--threads {threadCount} is not valid; expected 1 or more.");
            }
            var partnerPriority = parse.GetValue(priority) ?? scenario?.PartnerPriority ?? false;
            var seedValue = parse.GetValue(seed) ?? scenario?.Seed ?? DefaultSeed;

            await using var store = await context.OpenStoreAsync(parse, ct);
            var loaded = await SimulateNetworks.LoadAsync(store, events, perspective, scenario?.BatteryMix, parse.GetValue(source), ct);
            if (loaded.Networks.Count == 0)
            {
                throw new CliException("no supply data for the shocked minerals:\n" + string.Join("\n", loaded.Skipped.Select(s => "  " + s)));
            }
            var partners = Partners(context, perspective);
            if (partnerPriority)
            {
                partners.AddRange((await RegistryFeed.PartnerLinksAsync(store, catalogue, ct)).Where(l => l.Basis == "registry"
                    || PartnerFrameworks.Any(f => l.Basis == "framework:" + f)));
            }
            var parameters = new SimulationParameters(spareCapacity, horizonMonths, perspective,
                scenario?.StockpileTonnes ?? new Dictionary<string, double>(), stockpileMonths, partnerPriority, partners);
            var model = new SimulationModel(loaded.Networks, events, parameters);
            var bytes = (double)runCount * model.Metrics.Count * sizeof(double);
            if (bytes > 2e9)
            {
                throw new CliException(FormattableString.Invariant(
                    $"--runs {runCount} would keep {bytes / 1e9:0.0} GB of results ({model.Metrics.Count} outputs per run); expected at most 2 GB, so use fewer runs (e.g. {(int)(2e9 / (model.Metrics.Count * sizeof(double))):N0})."));
            }
            ISimulationEngine simulationEngine = parse.GetValue(engine) == "reference" ? new ReferenceEngine() : new FastEngine(threadCount ?? -1);
            var asJson = parse.GetValue(json);
            var started = System.Diagnostics.Stopwatch.StartNew();
            var result = RunWithProgress(context, simulationEngine, model, runCount, seedValue, asJson, ct);
            started.Stop();
            var report = SimulateReport.Build(scenario?.Name ?? "command line", model, result, loaded.Skipped, started.Elapsed);
            if (asJson)
            {
                context.Out.WriteLine(CliJson.Serialize(report));
            }
            else
            {
                SimulateReportView.Render(context.Console, report);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Frameworks whose members count as partners for partner priority: the critical-minerals and supply-chain ones. Broad
    /// groupings (G20, BRICS) are left out: membership there is no commitment to share supply.</summary>
    internal static readonly string[] PartnerFrameworks = ["MSP", "IPEF", "QUAD"];

    /// <summary>Co-members of the perspective country in <see cref="PartnerFrameworks"/>, from the catalogue.</summary>
    private static List<PartnerLink> Partners(CliContext context, string perspective) =>
        [.. context.Catalogue.Frameworks.Where(f => PartnerFrameworks.Contains(f.Id) && f.Members.Contains(perspective))
            .SelectMany(f => f.Members.Where(m => m != perspective).Select(m => new PartnerLink(perspective, m, [], null, null, "framework:" + f.Id, f.Id)))];

    private static SimulationRuns RunWithProgress(CliContext context, ISimulationEngine engine, SimulationModel model, int runs, ulong seed,
        bool json, CancellationToken ct)
    {
        if (runs < 10_000)
        {
            return engine.Run(model, runs, seed, null, ct);
        }
        // With --json the bar goes to stderr so stdout stays pure JSON.
        var console = json ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) }) : context.Console;
        SimulationRuns? result = null;
        console.Progress()
            .AutoClear(json)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"{runs:N0} runs ({engine.Name} engine)", maxValue: runs);
                result = engine.Run(model, runs, seed, new TaskProgress(task), ct);
                task.Value = runs;
            });
        return result!;
    }

    /// <summary>Moves the bar straight from the engine's workers (runs finished, never backwards).</summary>
    private sealed class TaskProgress(ProgressTask task) : IProgress<long>
    {
        private readonly Lock _lock = new();

        public void Report(long value)
        {
            lock (_lock)
            {
                if (value > task.Value)
                {
                    task.Value = value;
                }
            }
        }
    }
}
