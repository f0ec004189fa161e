using System.Diagnostics;
using System.Globalization;
using Khanij.Analytics.Simulation;
using Khanij.Application.Localization;
using Khanij.Core.Catalogue;
using Khanij.Data;

namespace Khanij.Application.Services;

/// <summary>A request of the simulate use case (<c>khanij simulate</c>, <c>POST /api/simulate</c>). Every value left null comes from the
/// scenario, else from the defaults of <see cref="SimulateService"/>.</summary>
/// <param name="ScenarioJson">A scenario document (scenarios/*.json format), or null.</param>
/// <param name="ScenarioOrigin">Its name in messages (a file path, "request body").</param>
/// <param name="Shocks">Shocks in the short form ISO3:mineral:stage:fraction:months, added to the scenario's.</param>
/// <param name="Engine"><c>fast</c> (default) or <c>reference</c>.</param>
/// <param name="Threads">Threads of the fast engine (null = all cores); results do not depend on it.</param>
/// <param name="Source">Supply source to prefer (iea, usgs, cheng2020, usgs2024).</param>
/// <param name="PartnerFrameworks">The partner parameter of <see cref="PartnerDefinition"/> (null = its default).</param>
internal sealed record SimulateRequest(
    string? ScenarioJson = null,
    string ScenarioOrigin = "scenario",
    IReadOnlyList<string>? Shocks = null,
    string? Country = null,
    double? SpareCapacity = null,
    int? Runs = null,
    ulong? Seed = null,
    string? Engine = null,
    int? Threads = null,
    bool? PartnerPriority = null,
    double? StockpileMonths = null,
    double? HorizonMonths = null,
    string? Source = null,
    string? PartnerFrameworks = null);

/// <summary>A validated simulation, ready to run: the model, the engine and the run settings.</summary>
internal sealed record SimulatePlan(string Name, SimulationModel Model, ISimulationEngine Engine, int Runs, ulong Seed, PartnerSet Partners,
    IReadOnlyList<string> Skipped);

/// <summary>The simulate use case: disruption simulation of shocks (docs/simulation.md), with one validation, one set of defaults and one
/// run limit for the CLI and the API. <see cref="PrepareAsync"/> validates and builds; <see cref="Run"/> runs (the CLI shows progress between).</summary>
internal static class SimulateService
{
    public const string DefaultCountry = "IND";
    public const ulong DefaultSeed = 20250222;
    public const int DefaultRuns = 1;
    public const double DefaultHorizonMonths = 12;
    public const double MaxHorizonMonths = 1200;

    /// <summary>The most Monte Carlo runs one request may ask for. Memory does not grow with runs (statistics are streamed), so this
    /// bounds time only: a billion runs is minutes per pass on two cores.</summary>
    public const int MaxRuns = 1_000_000_000;

    public static readonly IReadOnlyList<string> Engines = ["fast", "reference"];
    public static readonly IReadOnlyList<string> Sources = ["iea", "usgs", "cheng2020", "usgs2024"];

    public static async Task<ServiceResult<SimulatePlan>> PrepareAsync(KhanijStore store, KhanijCatalogue catalogue, SimulateRequest request,
        CancellationToken cancellationToken)
    {
        Scenario? scenario = null;
        if (request.ScenarioJson is { } json)
        {
            if (string.IsNullOrWhiteSpace(json))
            {
                return ServiceResult<SimulatePlan>.Invalid("body", $"{request.ScenarioOrigin} is empty; expected a scenario as JSON with \"name\" and "
                    + "\"shocks\" (see scenarios/*.json or GET /api/scenarios).");
            }
            var problems = ScenarioReader.TryParse(json, request.ScenarioOrigin, catalogue, out scenario);
            if (problems.Count > 0 || scenario is null)
            {
                return ServiceResult<SimulatePlan>.Invalid([.. problems.Select(p => new RequestError(FieldOf(p.Message), p.Message)
                {
                    File = p.File, Line = p.Line, Column = p.Column,
                })], $"{problems.Count} problem{(problems.Count == 1 ? "" : "s")} in the scenario; nothing was run.");
            }
        }
        var errors = new List<RequestError>();
        var events = new List<ShockEvent>(scenario?.Shocks ?? []);
        foreach (var text in request.Shocks ?? [])
        {
            if (ShortShock.Parse(text, catalogue, out var error) is { } e)
            {
                events.Add(e);
            }
            else
            {
                errors.Add(new RequestError("shock", error!));
            }
        }
        if (events.Count == 0 && errors.Count == 0)
        {
            errors.Add(new RequestError("shock", "nothing to simulate; give a scenario with shocks or at least one shock ISO3:mineral:stage:fraction:months "
                + "(e.g. CHN:rare_earths:mining:0.5:12)."));
        }
        var perspective = request.Country is { Length: > 0 } c ? RequestFields.Country(catalogue, c, errors) : scenario?.Perspective ?? DefaultCountry;
        var spare = request.SpareCapacity ?? scenario?.SpareCapacity ?? SimulationParameters.DefaultSpareCapacity;
        if (!(spare is >= 0 and <= 1))
        {
            errors.Add(new RequestError("spare_capacity", "is not valid; expected a fraction of the unhit producers' output from 0 to 1 (0.05 = 5 %).")
            {
                Value = Num(spare),
            });
        }
        var runs = request.Runs ?? scenario?.Runs ?? DefaultRuns;
        if (runs is < 1 or > MaxRuns)
        {
            errors.Add(new RequestError("runs", $"is out of range; expected 1 to {MaxRuns.ToString(CultureInfo.InvariantCulture)}.")
            {
                Value = runs.ToString(CultureInfo.InvariantCulture),
            });
        }
        var horizon = request.HorizonMonths ?? scenario?.HorizonMonths ?? DefaultHorizonMonths;
        if (!(horizon > 0) || horizon > MaxHorizonMonths)
        {
            errors.Add(new RequestError("horizon", $"is out of range; expected months above 0 and up to {MaxHorizonMonths}.") { Value = Num(horizon) });
        }
        var stockpile = request.StockpileMonths ?? scenario?.StockpileMonths ?? 0;
        if (!(stockpile >= 0) || !double.IsFinite(stockpile))
        {
            errors.Add(new RequestError("stockpile_months", "is not valid; expected months ≥ 0.") { Value = Num(stockpile) });
        }
        if (request.Threads is < 1)
        {
            errors.Add(new RequestError("threads", "is not valid; expected 1 or more.") { Value = request.Threads.Value.ToString(CultureInfo.InvariantCulture) });
        }
        var engineName = request.Engine ?? Engines[0];
        if (!Engines.Contains(engineName))
        {
            errors.Add(new RequestError("engine", $"is not an engine; expected one of {string.Join(", ", Engines)}.") { Value = engineName });
        }
        if (request.Source is { } source && !Sources.Contains(source))
        {
            errors.Add(new RequestError("source", $"is not a supply source; expected one of {string.Join(", ", Sources)}.") { Value = source });
        }
        var frameworks = PartnerDefinition.ResolveFrameworks(catalogue, request.PartnerFrameworks, errors);
        if (errors.Count > 0)
        {
            return ServiceResult<SimulatePlan>.Invalid(errors);
        }

        if (scenario?.BatteryMix is { Count: > 0 } mix)
        {
            // A chemistry the pack has no intensity for would leave its GWh out of every battery figure without a word (issue 17, finding 8).
            var known = (await store.GetBatteryIntensitiesAsync(null, cancellationToken)).Select(i => i.Chemistry).Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal).ToList();
            var unknown = mix.Keys.Where(k => !known.Contains(k, StringComparer.Ordinal)).ToList();
            if (unknown.Count > 0)
            {
                return ServiceResult<SimulatePlan>.Invalid("battery_mix", $"{request.ScenarioOrigin}: $.battery_mix names {string.Join(", ", unknown.Select(u => $"'{u}'"))}, "
                    + $"which the data pack has no BatPaC intensities for; expected chemistries from {string.Join(", ", known)}.");
            }
        }
        var notes = new List<string>();
        if (runs > 1 && events.All(Certain))
        {
            notes.Add(Messages.Format("Sim_NothingVaries", runs));
        }
        var loaded = await SimulateNetworks.LoadAsync(store, events, perspective!, scenario?.BatteryMix, request.Source, cancellationToken);
        if (loaded.Networks.Count == 0)
        {
            return ServiceResult<SimulatePlan>.Invalid("shocks", "no supply data for the shocked minerals: " + string.Join("; ", loaded.Skipped));
        }
        var partners = await PartnerDefinition.ForAsync(store, catalogue, perspective!, frameworks, cancellationToken);
        var priority = request.PartnerPriority ?? scenario?.PartnerPriority ?? false;
        var parameters = new SimulationParameters(spare, horizon, perspective, scenario?.StockpileTonnes ?? new Dictionary<string, double>(), stockpile,
            priority, partners.Links);
        var model = new SimulationModel(loaded.Networks, events, parameters, Messages.PhrasebookWith(catalogue));
        ISimulationEngine engine = engineName == "reference" ? new ReferenceEngine() : new FastEngine(request.Threads ?? -1);
        return ServiceResult<SimulatePlan>.Ok(new SimulatePlan(scenario?.Name ?? "command line", model, engine, runs,
            request.Seed ?? scenario?.Seed ?? DefaultSeed, partners, [.. notes, .. loaded.Skipped]));
    }

    /// <summary>Runs a prepared simulation and builds its report. The runs are streamed into statistics and histograms (memory independent
    /// of the run count); <paramref name="progress"/> receives the runs evaluated over all passes (usually <see cref="ProgressTotal"/>).</summary>
    public static (SimulateReport Report, SimulationSummary Summary) Run(SimulatePlan plan, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var runs = plan.Engine.Summarise(plan.Model, plan.Runs, plan.Seed, progress, cancellationToken);
        clock.Stop();
        return (SimulateReport.Build(plan.Name, plan.Model, runs, plan.Partners, plan.Skipped, clock.Elapsed), runs);
    }

    /// <summary>Runs a plan usually evaluates over all its passes (for a progress bar; an occasional extra pass leaves the bar full).</summary>
    public static long ProgressTotal(SimulatePlan plan) => (long)plan.Runs * SimulationSummary.TypicalPasses(plan.Runs);

    /// <summary>The JSON path a scenario reader message starts with ("$.shocks[1].fraction: …"), or "$".</summary>
    private static string FieldOf(string message)
    {
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && !message[..colon].Contains(' ', StringComparison.Ordinal) ? message[..colon] : "$";
    }

    /// <summary>Whether a shock is the same in every run: it always happens, with fixed fraction, duration and start.</summary>
    private static bool Certain(ShockEvent e) =>
        e.Probability >= 1 && e.Fraction.Kind == DistributionKind.Fixed && e.DurationMonths.Kind == DistributionKind.Fixed
        && e.StartMonth.Kind == DistributionKind.Fixed;

    private static string Num(double v) => v.ToString(CultureInfo.InvariantCulture);
}
