using Khanij.Application;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Khanij.Analytics.Simulation;
using Khanij.Application.Services;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij simulate [SCENARIO.json] [--shock …]</c>: disruption simulation (see docs/simulation.md).</summary>
internal static class SimulateCommand
{
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
                + "ISO3>TARGET:mineral:stage:fraction:months is a destination ban. Fraction and months may be ranges for Monte Carlo: "
                + "min..max (uniform) or min..mode..max (triangular), e.g. CHN:rare_earths:refining:0.3..0.7:6..18. Repeatable; added to "
                + "the scenario's shocks.",
            AllowMultipleArgumentsPerToken = true,
        };
        var country = new Option<string?>("--country")
        {
            Description = $"Perspective country (ISO3 or name) whose shortfall is reported besides the world's (default: the scenario's, else {SimulateService.DefaultCountry}).",
        };
        var spare = new Option<double?>("--spare-capacity")
        {
            Description = "Spare capacity of producers not hit, as a fraction of their output from 0 to 1 (default: the scenario's, else "
                + $"{SimulationParameters.DefaultSpareCapacity}).",
        };
        var runs = new Option<int?>("--runs")
        {
            Description = $"Monte Carlo runs, 1 to {SimulateService.MaxRuns:N0}, as digits or e.g. 1e6 (default: the scenario's, else 1 = one run "
                + "with central values). Memory does not grow with runs.",
            CustomParser = ParseRuns,
        };
        var seed = new Option<ulong?>("--seed") { Description = $"Seed of the Monte Carlo draws (default: the scenario's, else {SimulateService.DefaultSeed})." };
        var engine = new Option<string?>("--engine") { Description = "Engine: fast (production, default) or reference (plain oracle)." };
        var threads = new Option<int?>("--threads") { Description = "Threads for the fast engine (default: all cores). Results do not depend on it." };
        var priority = new Option<bool?>("--partner-priority")
        {
            Description = "Partners' spare capacity serves the perspective country first (partners as for `khanij risk`: fellow members of the "
                + "--partner-frameworks and accepted registry partnerships; they are listed with the results either way).",
        };
        var partnerFrameworks = RiskOptions.PartnerFrameworksOption();
        var stockpile = new Option<double?>("--stockpile-months") { Description = "Perspective country's stockpile in months of its use (default: the scenario's, else 0)." };
        var horizon = new Option<double?>("--horizon") { Description = "Months over which shortfalls are counted (default: the scenario's, else 12)." };
        var source = new Option<string?>("--source") { Description = "Supply source to prefer: iea, usgs or cheng2020 (default: iea, then usgs, then cheng2020)." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of tables." };
        var command = new Command("simulate",
            "Simulate export cuts, destination bans and outages: shortfall per stage (mining → refining), for the world and a country, "
            + "and downstream per end-use sector (battery GWh not made). With --runs > 1, Monte Carlo over the scenario's distributions "
            + "gives mean, median, P95 and CVaR95.")
        {
            scenarioFile, shock, country, spare, runs, seed, engine, threads, priority, partnerFrameworks, stockpile, horizon, source, json,
        };
        command.SetHandler(context, async (parse, ct) =>
        {
            string? scenarioJson = null;
            var file = parse.GetValue(scenarioFile);
            if (file is { Length: > 0 })
            {
                if (!File.Exists(file))
                {
                    throw new CliException($"scenario file '{file}' not found; expected a JSON file such as scenarios/drc-cobalt-suspension-2025.json.");
                }
                scenarioJson = await File.ReadAllTextAsync(file, ct);
            }
            var request = new SimulateRequest(scenarioJson, file ?? "scenario", parse.GetValue(shock), parse.GetValue(country), parse.GetValue(spare),
                parse.GetValue(runs), parse.GetValue(seed), parse.GetValue(engine), parse.GetValue(threads), parse.GetValue(priority),
                parse.GetValue(stockpile), parse.GetValue(horizon), parse.GetValue(source), parse.GetValue(partnerFrameworks));
            await using var store = await context.OpenStoreAsync(parse, ct);
            var plan = ServiceErrors.ValueOrThrow(await SimulateService.PrepareAsync(store, context.Catalogue, request, ct));
            var asJson = parse.GetValue(json);
            var report = RunWithProgress(context, plan, asJson, ct);
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

    /// <summary>A whole number of runs, also written as 1e6; one that does not fit is refused here with the service's wording (the
    /// service checks the range of the rest).</summary>
    private static int? ParseRuns(ArgumentResult result)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value != Math.Floor(value))
        {
            result.AddError($"'--runs {token}' is not a whole number; expected 1 to {SimulateService.MaxRuns.ToString(CultureInfo.InvariantCulture)}.");
            return null;
        }
        if (value is < int.MinValue or > int.MaxValue)
        {
            result.AddError($"'--runs {token}' is out of range; expected 1 to {SimulateService.MaxRuns.ToString(CultureInfo.InvariantCulture)}.");
            return null;
        }
        return (int)value;
    }

    private static SimulateReport RunWithProgress(CliContext context, SimulatePlan plan, bool json, CancellationToken ct)
    {
        if (plan.Runs < 10_000)
        {
            return SimulateService.Run(plan, null, ct).Report;
        }
        // With --json the bar goes to stderr so stdout stays pure JSON.
        var console = json ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) }) : context.Console;
        SimulateReport? result = null;
        console.Progress()
            .AutoClear(json)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var total = SimulateService.ProgressTotal(plan);
                var passes = total / plan.Runs;
                var task = ctx.AddTask($"{plan.Runs:N0} runs{(passes > 1 ? $" × {passes} passes" : "")} ({plan.Engine.Name} engine)", maxValue: total);
                result = SimulateService.Run(plan, new TaskProgress(task), ct).Report;
                task.Value = total;
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
                    task.Value = Math.Min(value, task.MaxValue); // a rare third pass leaves the bar full
                }
            }
        }
    }
}
