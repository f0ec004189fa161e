using Khanij.Application.Localization;
using Khanij.Application.Services;
using System.ComponentModel;
using Khanij.Analytics.Risk;
using Khanij.Core;
using Khanij.Core.Catalogue;
using Khanij.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Khanij.Web.Apis;

/// <summary>Supply by stage and country for one mineral: shares and concentration (computed by the risk kernels over the store's facts,
/// so they are the numbers <c>khanij risk</c> shows), the import partners of a country, and export restrictions in force.</summary>
internal static class SupplyApi
{
    private static readonly string[] SourcePreference = ["usgs", "iea", "usgs2024", "cheng2020"];

    public static IEndpointRouteBuilder MapSupplyApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("api/minerals/{id}").WithTags("Supply");
        group.MapGet("/supply", GetSupply).WithName("GetSupply")
            .WithSummary("Country shares of world supply of a mineral at a stage in one table (source and year), with HHI and top shares");
        group.MapGet("/concentration", GetConcentration).WithName("GetConcentration")
            .WithSummary("HHI and top shares of a mineral at a stage for every source, year and projection scenario");
        group.MapGet("/imports", GetImports).WithName("GetImports")
            .WithSummary("Where a country's imports of a mineral at a stage come from (bilateral trade), with partner and restriction shares");
        group.MapGet("/restrictions", GetMineralRestrictions).WithName("GetMineralRestrictions")
            .WithSummary("Export restrictions in force on a mineral at a stage, as seen by an importing country");
        app.MapGroup("api/restrictions").WithTags("Supply")
            .MapGet("/", ListRestrictions).WithName("ListRestrictions")
            .WithSummary("The export-restriction register, optionally for one restricting country or status");
        return app;
    }

    public static async Task<Results<Ok<SupplySelection>, ValidationProblem, NotFoundProblem>> GetSupply(
        [Description("Mineral id or name (e.g. lithium, rare_earths, लिथियम).")] string id,
        KhanijCatalogue catalogue, KhanijData data, CancellationToken cancellationToken,
        [Description("Stage: mining or refining (default mining).")] string? stage = null,
        [Description("Table key source:year[:scenario] from 'available' (default: the latest historical year of the preferred source).")]
        string? table = null)
    {
        if (Resolve(catalogue, id) is not { } mineral)
        {
            return UnknownMineral(catalogue, id);
        }
        if (!TryStage(stage, out var s, out var stageProblem))
        {
            return stageProblem;
        }
        var results = await TablesAsync(data, mineral.Id, s, cancellationToken);
        var available = results.Select(r => new SupplyTableRef(SupplyTableRef.KeyOf(r.Key), r.Key.Source, r.Key.Year, r.Key.Scenario, r.Measure)).ToList();
        ConcentrationResult? chosen;
        if (!string.IsNullOrWhiteSpace(table))
        {
            chosen = results.FirstOrDefault(r => SupplyTableRef.KeyOf(r.Key) == table.Trim());
            if (chosen is null)
            {
                return Problems.Invalid("table", $"'{table}' is not a supply table of {mineral.Id} at {s.ToId()}; available: "
                    + (available.Count > 0 ? string.Join(", ", available.Select(a => a.Key)) : "none") + ".");
            }
        }
        else
        {
            chosen = results.Where(r => r.Key.Scenario is null)
                .OrderByDescending(r => r.Key.Year).ThenBy(r => Preference(r.Key.Source)).FirstOrDefault()
                ?? results.OrderBy(r => r.Key.Year).FirstOrDefault();
        }
        return TypedResults.Ok(new SupplySelection(chosen is null ? null : ConcentrationDto.From(chosen), available));
    }

    public static async Task<Results<Ok<IReadOnlyList<ConcentrationPoint>>, ValidationProblem, NotFoundProblem>> GetConcentration(
        [Description("Mineral id or name.")] string id,
        KhanijCatalogue catalogue, KhanijData data, CancellationToken cancellationToken,
        [Description("Stage: mining or refining (default mining).")] string? stage = null)
    {
        if (Resolve(catalogue, id) is not { } mineral)
        {
            return UnknownMineral(catalogue, id);
        }
        if (!TryStage(stage, out var s, out var stageProblem))
        {
            return stageProblem;
        }
        var results = await TablesAsync(data, mineral.Id, s, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ConcentrationPoint>>([.. results.Select(r => new ConcentrationPoint(SupplyTableRef.KeyOf(r.Key),
            r.Key.Source, r.Key.Year, r.Key.Scenario, r.Measure, r.Hhi, r.Top1Iso3, r.Top1Share, r.Top3Share, r.Producers))]);
    }

    public static async Task<Results<Ok<ImportProfileDto>, ValidationProblem, NotFoundProblem>> GetImports(
        [Description("Mineral id or name.")] string id,
        KhanijCatalogue catalogue, KhanijData data, CancellationToken cancellationToken,
        [Description("Importing country: ISO3 code or name (default IND).")] string? country = null,
        [Description("Stage: mining (ores, concentrates) or refining (chemicals, metals); default mining.")] string? stage = null,
        [Description("Trade year (default: the latest with data).")] int? year = null)
    {
        if (Resolve(catalogue, id) is not { } mineral)
        {
            return UnknownMineral(catalogue, id);
        }
        if (!TryStage(stage, out var s, out var stageProblem))
        {
            return stageProblem;
        }
        if (!TryCountry(catalogue, country ?? "IND", "country", out var iso3, out var countryProblem))
        {
            return countryProblem;
        }
        var facts = await data.FactsAsync(cancellationToken);
        var parameters = RiskParameters.Default with { TradeYear = year };
        var restrictions = RestrictionRules.InForce(facts.Restrictions, mineral.Id, s, iso3, parameters);
        // Partners under the one definition (Application's PartnerDefinition, default frameworks), as risk, brief and simulate count them.
        var partners = await PartnerDefinition.ForAsync(await data.StoreAsync(cancellationToken), catalogue, iso3, parameters.PartnerFrameworks,
            cancellationToken);
        var profile = ImportExposure.Compute(facts.RiskInputs.TradeOf(mineral.Id), iso3, mineral.Id, s, partners.Links, restrictions, parameters,
            Messages.PhrasebookWith(catalogue));
        return TypedResults.Ok(ImportProfileDto.From(profile));
    }

    public static async Task<Results<Ok<IReadOnlyList<RestrictionDto>>, ValidationProblem, NotFoundProblem>> GetMineralRestrictions(
        [Description("Mineral id or name.")] string id,
        KhanijCatalogue catalogue, KhanijData data, CancellationToken cancellationToken,
        [Description("Stage: mining or refining (default mining).")] string? stage = null,
        [Description("Importing country whose view is taken (a destination ban counts only if it targets it); default IND.")] string? country = null)
    {
        if (Resolve(catalogue, id) is not { } mineral)
        {
            return UnknownMineral(catalogue, id);
        }
        if (!TryStage(stage, out var s, out var stageProblem))
        {
            return stageProblem;
        }
        if (!TryCountry(catalogue, country ?? "IND", "country", out var iso3, out var countryProblem))
        {
            return countryProblem;
        }
        var facts = await data.FactsAsync(cancellationToken);
        var inForce = RestrictionRules.InForce(facts.Restrictions, mineral.Id, s, iso3, RiskParameters.Default);
        return TypedResults.Ok<IReadOnlyList<RestrictionDto>>([.. inForce.Values.SelectMany(r => r).Select(RestrictionDto.From)]);
    }

    public static async Task<Results<Ok<IReadOnlyList<RestrictionDto>>, ValidationProblem>> ListRestrictions(
        KhanijCatalogue catalogue, KhanijData data, CancellationToken cancellationToken,
        [Description("Only restrictions by this country (ISO3 or name).")] string? country = null,
        [Description("Only this status, e.g. in_force, ended, suspended.")] string? status = null)
    {
        string? iso3 = null;
        if (country is not null && !TryCountry(catalogue, country, "country", out iso3, out var problem))
        {
            return problem;
        }
        var facts = await data.FactsAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RestrictionDto>>([.. facts.Restrictions
            .Where(r => iso3 is null || r.Iso3 == iso3)
            .Where(r => status is null || string.Equals(r.Status, status.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(RestrictionDto.From)]);
    }

    internal static async Task<IReadOnlyList<ConcentrationResult>> TablesAsync(KhanijData data, string mineralId, Stage stage,
        CancellationToken cancellationToken)
    {
        var facts = await data.FactsAsync(cancellationToken);
        return SupplyConcentration.ComputeAll(facts.Supply.Where(f => f.MineralId == mineralId && f.Stage == stage), Messages.Phrasebook);
    }

    internal static Mineral? Resolve(KhanijCatalogue catalogue, string id) => catalogue.MineralById(id) ?? catalogue.FindMineral(id);

    internal static NotFoundProblem UnknownMineral(KhanijCatalogue catalogue, string id) =>
        Problems.NotFound($"No mineral is called '{id}'. GET /api/minerals lists the {catalogue.Minerals.Count} minerals and their ids.");

    internal static bool TryStage(string? text, out Stage stage, out ValidationProblem problem)
    {
        problem = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            stage = Stage.Mining;
            return true;
        }
        if (StageNames.TryParse(text, out stage))
        {
            return true;
        }
        problem = Problems.Invalid("stage", $"'{text}' is not a stage; expected one of {string.Join(", ", StageNames.All)}.");
        return false;
    }

    internal static bool TryCountry(KhanijCatalogue catalogue, string text, string field, out string iso3, out ValidationProblem problem)
    {
        problem = null!;
        var country = catalogue.CountryByIso3(text) ?? catalogue.FindCountry(text);
        iso3 = country?.Iso3 ?? "";
        if (country is not null)
        {
            return true;
        }
        problem = Problems.Invalid(field, $"'{text}' is not a country code or name; expected an ISO3 code such as IND or a name such as Japan or जापान.");
        return false;
    }

    private static int Preference(string source)
    {
        var i = Array.IndexOf(SourcePreference, source);
        return i < 0 ? SourcePreference.Length : i;
    }
}
