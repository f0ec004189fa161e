using System.ComponentModel;
using Khanij.Application.Demand;
using Khanij.Application.Diversify;
using Khanij.Core.Catalogue;
using Khanij.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Khanij.Web.Apis;

/// <summary><c>/api/diversify</c>: the recommended import mix (the report of <c>khanij diversify --json</c>).</summary>
internal static class DiversifyApi
{
    public static IEndpointRouteBuilder MapDiversifyApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("api").WithTags("Diversify").MapGet("/diversify", GetDiversify).WithName("GetDiversify")
            .WithSummary("Import shares across suppliers minimising supply risk or CVaR95 of the shortfall, with today's mix beside them");
        return app;
    }

    public static async Task<Results<Ok<DiversifyReport>, ValidationProblem>> GetDiversify(KhanijCatalogue catalogue, KhanijData data,
        CancellationToken cancellationToken,
        [Description("Mineral id or name")] string mineral,
        [Description("Stage: mining or refining")] string stage,
        [Description("Importing country, ISO3 or name")] string country = "IND",
        [Description("risk or cvar")] string objective = "risk",
        [Description("For cvar: a shipped disruption scenario file name, e.g. drc-cobalt-suspension-2025.json")] string? scenario = null,
        [Description("Largest share of one supplier")] double cap = 0.65,
        [FromQuery(Name = "max_change")] [Description("Largest change from today's share, share points")] double? maxChange = null,
        [Description("Suppliers to exclude (ISO3), comma-separated")] string? exclude = null,
        [FromQuery(Name = "min_partner_share")] [Description("Smallest total share from partners")] double? minPartnerShare = null,
        [Description("Monte Carlo draws for cvar (1 to 20000)")] int? runs = null,
        [Description("Seed for cvar")] ulong? seed = null)
    {
        string? file = null;
        if (scenario is not null)
        {
            var dir = FindScenarios(data.DataDir);
            var names = dir is null ? [] : Directory.EnumerateFiles(dir, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
            if (!names.Contains(scenario, StringComparer.Ordinal))
            {
                return Problems.Invalid("scenario", $"'{scenario}' is not a shipped scenario; expected one of {string.Join(", ", names)}.");
            }
            file = Path.Combine(dir!, scenario);
        }
        var excluded = (exclude ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        try
        {
            var store = await data.StoreAsync(cancellationToken);
            var request = new DiversifyRequest(mineral, stage, country, objective, file, cap, maxChange, excluded, minPartnerShare, runs, seed);
            return TypedResults.Ok(await DiversifyService.RunAsync(request, store, catalogue, cancellationToken));
        }
        catch (DemandInputException e)
        {
            return Problems.Invalid(e.Field, e.Message);
        }
    }

    private static string? FindScenarios(string dataDir)
    {
        var beside = Path.GetFullPath(Path.Combine(dataDir, "..", "scenarios"));
        if (Directory.Exists(beside))
        {
            return beside;
        }
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
