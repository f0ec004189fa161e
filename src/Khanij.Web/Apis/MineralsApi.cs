using System.ComponentModel;
using Khanij.Core.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Khanij.Web.Apis;

/// <summary><c>/api/minerals</c>: the mineral catalogue (the CLI's <c>khanij minerals</c>).</summary>
internal static class MineralsApi
{
    private static readonly string[] Lists = ["india", "eu", "us"];

    public static IEndpointRouteBuilder MapMineralsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("api/minerals").WithTags("Minerals");
        group.MapGet("/", ListMinerals).WithName("ListMinerals")
            .WithSummary("List the catalogue's minerals, optionally only those on one criticality list");
        group.MapGet("/{id}", GetMineral).WithName("GetMineral")
            .WithSummary("Get one mineral by id or by any English or Hindi name");
        return app;
    }

    public static Results<Ok<IReadOnlyList<MineralDto>>, ValidationProblem> ListMinerals(
        KhanijCatalogue catalogue,
        [Description("Only minerals on this list: india (2023, 30 minerals), eu (2023 CRM) or us (USGS 2022).")] string? list = null)
    {
        IEnumerable<Mineral> minerals = catalogue.Minerals;
        switch (list?.Trim().ToLowerInvariant())
        {
            case null or "": break;
            case "india": minerals = minerals.Where(m => m.India2023); break;
            case "eu": minerals = minerals.Where(m => m.Eu2023); break;
            case "us": minerals = minerals.Where(m => m.Us2022); break;
            default: return Problems.Invalid("list", $"'{list}' is not a criticality list; expected one of {string.Join(", ", Lists)}.");
        }
        return TypedResults.Ok<IReadOnlyList<MineralDto>>([.. minerals.Select(MineralDto.From)]);
    }

    public static Results<Ok<MineralDto>, NotFoundProblem> GetMineral(
        [Description("Mineral id (e.g. lithium, rare_earths) or a name in English or Hindi (e.g. लिथियम).")] string id,
        KhanijCatalogue catalogue)
    {
        var mineral = catalogue.MineralById(id) ?? catalogue.FindMineral(id);
        return mineral is null
            ? Problems.NotFound($"No mineral is called '{id}'. GET /api/minerals lists the {catalogue.Minerals.Count} minerals and their ids.")
            : TypedResults.Ok(MineralDto.From(mineral));
    }
}
