using Khanij.Application;
using Khanij.Application.Services;
using System.ComponentModel;
using Khanij.Core.Catalogue;
using Khanij.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Khanij.Web.Apis;

/// <summary><c>/api/risk</c> and <c>/api/brief</c>: supply-risk metrics and the ranked brief for a perspective country. The numbers come from
/// the risk and brief services of Khanij.Application (the same services as <c>khanij risk</c> and <c>khanij brief</c>): this handler only
/// translates the query.</summary>
internal static class RiskApi
{
    public static IEndpointRouteBuilder MapRiskApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("api").WithTags("Risk");
        group.MapGet("/risk", GetRisk).WithName("GetRisk")
            .WithSummary("Concentration and supply-risk metrics per mineral, stage, year and source for a perspective country (as khanij risk --json)");
        group.MapGet("/brief", GetBrief).WithName("GetBrief")
            .WithSummary("A country's exposure across every mineral with data, ranked by supply risk, with the criticality matrix (as khanij brief)");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<RiskRow>>, ValidationProblem>> GetRisk(
        [AsParameters] RiskQuery query, KhanijCatalogue catalogue, KhanijData data, CancellationToken cancellationToken,
        [Description("Mineral id or name (default: all).")] string? mineral = null,
        [Description("Stage: mining or refining (default: both).")] string? stage = null,
        [Description("Year (e.g. 2024; IEA projections 2030, 2035, 2040; default: all).")] int? year = null,
        [Description("Dataset: usgs, iea, cheng2020 or usgs2024 (default: all).")] string? source = null)
    {
        var facts = await data.FactsAsync(cancellationToken);
        var result = await RiskService.RunAsync(await data.StoreAsync(cancellationToken), facts.RiskInputs, catalogue,
            new RiskRequest(mineral, stage, year, source, query.Country, query.ToMethod()), cancellationToken);
        return result.Value is { } value ? TypedResults.Ok(value.Rows) : Problems.From(result);
    }

    public static async Task<Results<Ok<BriefDocument>, ValidationProblem>> GetBrief(
        [AsParameters] RiskQuery query, KhanijCatalogue catalogue, KhanijData data, CancellationToken cancellationToken,
        [Description("Year of supply data; where a mineral and stage has none, the latest earlier observed year is used (default 2024). A year after "
            + "the observed data uses a projection (named in the title and rows), or is refused when none covers it.")] int? year = null,
        [Description("Projection scenario for a projection year, when several cover it.")] string? scenario = null)
    {
        var facts = await data.FactsAsync(cancellationToken);
        var result = await BriefService.RunAsync(await data.StoreAsync(cancellationToken), facts.RiskInputs, catalogue,
            new BriefRequest(query.Country, year, scenario, query.ToMethod()), cancellationToken, data.DataDir);
        return result.Value is { } value ? TypedResults.Ok(value.Document) : Problems.From(result);
    }
}
