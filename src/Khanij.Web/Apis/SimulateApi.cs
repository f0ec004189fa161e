using Khanij.Application;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Khanij.Analytics.Simulation;
using Khanij.Core.Catalogue;
using Khanij.Application.Services;
using Khanij.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Khanij.Web.Apis;

/// <summary><c>/api/simulate</c> and <c>/api/scenarios</c>: disruption simulation of a scenario (the scenario-file format of
/// <c>khanij simulate</c>), with the CLI's report and, for Monte Carlo runs, histograms of the shortfalls.</summary>
internal static class SimulateApi
{
    private const int Bins = 24;

    /// <summary>Run-outputs above which a request's memory is handed back to the system after the response (see <see cref="Simulate"/>).</summary>
    private const long LargeWork = 2_000_000;

    public static IEndpointRouteBuilder MapSimulateApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("api").WithTags("Simulation");
        group.MapPost("/simulate", Simulate).WithName("Simulate")
            .WithSummary("Run a disruption scenario (JSON as in scenarios/*.json): shortfall per stage, downstream sectors, Monte Carlo statistics")
            .Accepts<ScenarioDocument>("application/json");
        group.MapGet("/scenarios", ListScenarios).WithName("ListScenarios")
            .WithSummary("The bundled example scenarios (scenarios/*.json), with their JSON text");
        return app;
    }

    public static async Task<Results<Ok<SimulationResponse>, ValidationProblem>> Simulate(
        HttpRequest request, KhanijCatalogue catalogue, KhanijData data, IOptions<KhanijWebOptions> options, CancellationToken cancellationToken,
        [Description("Monte Carlo runs, overriding the scenario's (1 = one run with central values); at most what the server's work limit allows "
            + "for the scenario (runs × (outputs + shocks) ≤ Khanij:MaxSimulationWork, default 10 000 000; a larger request is refused naming the largest run count).")] int? runs = null,
        [Description("Seed of the Monte Carlo draws, overriding the scenario's.")] ulong? seed = null,
        [Description("Perspective country (ISO3 or name), overriding the scenario's (default IND).")] string? country = null,
        [Description("Supply source to prefer: iea, usgs, cheng2020 or usgs2024 (default: iea, then usgs, then cheng2020).")] string? source = null,
        [Description("Comma-separated framework ids whose fellow members count as partners besides accepted registry partnerships, or 'none'; "
            + "default MSP,IPEF,QUAD,G7 (as for /api/risk).")] [Microsoft.AspNetCore.Mvc.FromQuery(Name = "partner_frameworks")] string? partnerFrameworks = null)
    {
        string text;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        var prepared = await SimulateService.PrepareAsync(await data.StoreAsync(cancellationToken), catalogue,
            new SimulateRequest(text, "request body", Country: country, Runs: runs, Seed: seed, Source: source, PartnerFrameworks: partnerFrameworks),
            cancellationToken);
        if (prepared.Value is not { } plan)
        {
            return Problems.From(prepared);
        }
        // The work is known once the model is built and before any run: refuse what this server does not take (KhanijWebOptions).
        var limit = options.Value.MaxSimulationWork;
        var perRun = (long)plan.Model.Metrics.Count + plan.Model.Events.Count;
        var work = plan.Runs * perRun;
        if (work > limit)
        {
            var most = Math.Max(1, limit / perRun);
            return Problems.Invalid("runs", FormattableString.Invariant(
                $"'{plan.Runs}' asks for {work:N0} run-outputs ({plan.Runs:N0} runs × ({plan.Model.Metrics.Count} outputs + {plan.Model.Events.Count} shocks)); this server takes at most {limit:N0} per request, so at most {most:N0} runs of this scenario. Nothing was run. (The command line, khanij simulate, has no such limit.)"));
        }
        if (work > LargeWork)
        {
            // A large run's buffers are garbage once the response is written: give the memory back to the system then, not at the next GC.
            request.HttpContext.Response.OnCompleted(() =>
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                return Task.CompletedTask;
            });
        }
        var (report, result) = SimulateService.Run(plan, null, cancellationToken);
        // The perspective's shortfall at a stage whose product it does not take is not reported (null in the report), so it gets no histogram.
        var perspective = report.Perspective;
        var notTaken = report.Minerals.SelectMany(m => m.Stages.Where(s => s.Country.ShortfallFraction is null)
            .Select(s => $"{m.Mineral}/{s.Stage}/{perspective}/shortfall_fraction")).ToHashSet(StringComparer.Ordinal);
        return TypedResults.Ok(new SimulationResponse(report, Histograms(plan.Model, result, perspective, notTaken)));
    }

    public static Ok<IReadOnlyList<ScenarioExample>> ListScenarios()
    {
        var dir = FindScenarios();
        if (dir is null)
        {
            return TypedResults.Ok<IReadOnlyList<ScenarioExample>>([]);
        }
        var examples = new List<ScenarioExample>();
        foreach (var file in Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal))
        {
            var json = File.ReadAllText(file);
            string? name = null, description = null;
            try
            {
                using var doc = JsonDocument.Parse(json);
                name = doc.RootElement.TryGetProperty("name", out var n) ? n.GetString() : null;
                description = doc.RootElement.TryGetProperty("description", out var d) ? d.GetString() : null;
            }
            catch (JsonException)
            {
                // listed anyway: running it shows the parse error with line and column
            }
            examples.Add(new ScenarioExample(Path.GetFileName(file), name ?? Path.GetFileNameWithoutExtension(file), description, json));
        }
        return TypedResults.Ok<IReadOnlyList<ScenarioExample>>(examples);
    }

    /// <summary>The histograms the engine counted while the runs streamed (<see cref="SimulationSummary.Histograms"/>), for the world and
    /// perspective shortfall fractions.</summary>
    private static List<HistogramDto> Histograms(SimulationModel model, SimulationSummary summary, string perspective, HashSet<string> skip)
    {
        if (summary.Histograms is not { } histograms)
        {
            return [];
        }
        var result = new List<HistogramDto>();
        for (var m = 0; m < model.Metrics.Count; m++)
        {
            var name = model.Metrics[m].Name;
            if (skip.Contains(name) || (!name.EndsWith("/world/shortfall_fraction", StringComparison.Ordinal)
                && !name.EndsWith($"/{perspective}/shortfall_fraction", StringComparison.Ordinal)))
            {
                continue;
            }
            var h = histograms[m];
            result.Add(new HistogramDto(name, h.Min, h.Max,
                [.. h.Counts.Select((c, i) => new HistogramBin(h.Min + i * h.Width, h.Min + (i + 1) * h.Width, checked((int)c)))]));
        }
        return result;
    }

    private static string? FindScenarios()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "scenarios");
            if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.json").Any())
            {
                return candidate;
            }
        }
        return null;
    }
}

/// <summary>The simulation report (as <c>khanij simulate --json</c>) and, for Monte Carlo runs, the distribution of each stage's world
/// and perspective shortfall fraction over the runs.</summary>
internal sealed record SimulationResponse(SimulateReport Report, IReadOnlyList<HistogramDto> Histograms);

/// <summary>Counts of runs per interval of one metric (e.g. <c>cobalt/refining/IND/shortfall_fraction</c>).</summary>
internal sealed record HistogramDto(string Metric, double Min, double Max, IReadOnlyList<HistogramBin> Bins);

/// <summary>Runs whose value fell in [from, to) (the last bin includes its upper end).</summary>
internal sealed record HistogramBin(double From, double To, int Count);

/// <summary>A bundled example scenario.</summary>
internal sealed record ScenarioExample(string File, string Name, string? Description, string Json);

/// <summary>The scenario format (documented for the OpenAPI description; the body is read by the simulation's own scenario reader, which reports
/// problems by line and column). Numbers marked "number or distribution" also accept {"dist": "triangular", "min", "mode", "max"} or
/// {"dist": "uniform", "min", "max"}.</summary>
internal sealed record ScenarioDocument(
    [property: Description("Scenario name.")] string Name,
    [property: Description("Free text.")] string? Description,
    [property: Description("ISO3 of the country whose shortfall is reported (default IND).")] string? Perspective,
    [property: Description("Months over which shortfalls are counted (default 12).")] double? HorizonMonths,
    [property: Description("Spare capacity of producers not hit, as a fraction of their output.")] double? SpareCapacity,
    [property: Description("Partners' spare capacity serves the perspective country first.")] bool? PartnerPriority,
    [property: Description("Perspective country's stockpile in months of its use.")] double? StockpileMonths,
    [property: Description("Monte Carlo runs (1 = central values).")] int? Runs,
    [property: Description("Seed of the draws.")] ulong? Seed,
    [property: Description("The shocks.")] IReadOnlyList<ShockDocument> Shocks);

/// <summary>One shock of a <see cref="ScenarioDocument"/>.</summary>
internal sealed record ShockDocument(
    [property: Description("Shock name.")] string? Name,
    [property: Description("cut, outage or destination_ban.")] string Kind,
    [property: Description("ISO3 of the exporting country.")] string Country,
    [property: Description("ISO3 of the targeted destination (destination_ban only).")] string? Target,
    [property: Description("Mineral ids.")] IReadOnlyList<string> Minerals,
    [property: Description("mining or refining.")] string Stage,
    [property: Description("Fraction of exports cut, 0–1: number or distribution.")] JsonElement? Fraction,
    [property: Description("Duration in months: number or distribution.")] JsonElement? DurationMonths,
    [property: Description("Start month: number or distribution.")] JsonElement? StartMonth,
    [property: Description("Probability that the shock happens in a run, 0–1.")] double? Probability);
