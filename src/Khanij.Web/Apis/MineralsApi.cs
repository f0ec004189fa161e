using System.ComponentModel;
using Khanij.Application.Services;
using Khanij.Application.Sheets;
using Khanij.Core.Catalogue;
using Khanij.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Khanij.Web.Apis;

/// <summary><c>/api/minerals</c>: the mineral catalogue (the CLI's <c>khanij minerals</c>) and each mineral's sheet (<c>khanij mineral M</c>).</summary>
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
        group.MapGet("/{id}/sheet", GetMineralSheet).WithName("GetMineralSheet")
            .WithSummary("Everything the pack has on one mineral, each figure with its source: production by country over every year of every "
                + "source side by side, reserves, the country's trade, restrictions, recycling, IEA demand, reported facts, and what is missing "
                + "(as khanij mineral M --json)");
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

    public static async Task<Results<Ok<MineralSheet>, ValidationProblem, NotFoundProblem>> GetMineralSheet(
        [Description("Mineral id (e.g. germanium, rare_earths) or a name or symbol in English or Hindi (e.g. लिथियम).")] string id,
        KhanijCatalogue catalogue, KhanijData data, CancellationToken cancellationToken,
        [Description("Whose trade to show: ISO3 code or name (default IND).")] string? country = null,
        [Description("Only this production/reserves source id (see khanij data sources), e.g. usgs_mcs2024; default: every source side by side.")]
        string? source = null)
    {
        var result = await MineralSheetService.RunAsync(await data.StoreAsync(cancellationToken), catalogue,
            new MineralSheetRequest(id, country, source), cancellationToken);
        if (result.Value is { } sheet)
        {
            return TypedResults.Ok(sheet);
        }
        // The mineral is the path: an unknown one is a missing resource, as for GET /api/minerals/{id}; query problems are 400.
        return result.Errors.Any(e => e.Field == "mineral")
            ? Problems.NotFound($"No mineral is called '{id}'. GET /api/minerals lists the {catalogue.Minerals.Count} minerals and their ids.")
            : Problems.From(result);
    }
}
