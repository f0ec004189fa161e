using System.ComponentModel;
using Khanij.Application.Demand;
using Khanij.Core.Catalogue;
using Khanij.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Khanij.Web.Apis;

/// <summary><c>/api/demand</c>: mineral needs of a country's deployment scenario, IEA world demand beside them, and the supply gap
/// (the report of <c>khanij demand --json</c>).</summary>
internal static class DemandApi
{
    public static IEndpointRouteBuilder MapDemandApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("api").WithTags("Demand");
        group.MapGet("/demand", GetDemand).WithName("GetDemand")
            .WithSummary("Mineral needs per year from a shipped demand scenario, with IEA world demand and needs against secured supply");
        group.MapGet("/demand/scenarios", ListScenarios).WithName("ListDemandScenarios")
            .WithSummary("The shipped demand scenario files (scenarios/demand/*.json)");
        return app;
    }

    public static async Task<Results<Ok<DemandReport>, ValidationProblem>> GetDemand(KhanijCatalogue catalogue, KhanijData data,
        CancellationToken cancellationToken,
        [Description("Country, ISO3 or name (default: the scenario's, else IND)")] string? country = null,
        [Description("A shipped demand scenario file name, e.g. india-published-targets.json (see /api/demand/scenarios)")] string? scenario = null,
        [FromQuery(Name = "intensity_improvement")] [Description("Yearly fall of BatPaC intensities, 0 to below 0.5")] double intensityImprovement = 0,
        [FromQuery(Name = "base_year")] [Description("Year the intensities describe (default: the scenario's first year)")] int? baseYear = null)
    {
        string? file = null;
        if (scenario is not null)
        {
            var dir = DemandScenarios.Directory(data.DataDir);
            var names = dir is null ? [] : Directory.EnumerateFiles(dir, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
            // Only the shipped files can be named: the server never opens a path a client chose.
            if (!names.Contains(scenario, StringComparer.Ordinal))
            {
                return Problems.Invalid("scenario", $"'{scenario}' is not a shipped demand scenario; expected one of {string.Join(", ", names)}.");
            }
            file = Path.Combine(dir!, scenario);
        }
        try
        {
            var store = await data.StoreAsync(cancellationToken);
            return TypedResults.Ok(await DemandService.RunAsync(new DemandRequest(country, file, intensityImprovement, baseYear), store, catalogue,
                data.DataDir, cancellationToken));
        }
        catch (DemandInputException e)
        {
            return Problems.Invalid(e.Field, e.Message);
        }
    }

    public static Ok<IReadOnlyList<string>> ListScenarios(KhanijData data)
    {
        var dir = DemandScenarios.Directory(data.DataDir);
        IReadOnlyList<string> names = dir is null ? [] : [.. Directory.EnumerateFiles(dir, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
        return TypedResults.Ok(names);
    }
}
