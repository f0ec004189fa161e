using Khanij.Application;
using System.ComponentModel;
using Khanij.Analytics.Risk;
using Khanij.Core;
using Khanij.Core.Catalogue;
using Khanij.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Khanij.Web.Apis;

/// <summary><c>/api/risk</c> and <c>/api/brief</c>: supply-risk metrics and the ranked brief for a perspective country. The numbers come from
/// the risk kernels over the store's facts with the CLI's own partner collection and brief builder (compiled into this project).</summary>
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
        if (!TryParameters(query, catalogue, out var parameters, out var perspective, out var problem))
        {
            return problem;
        }
        string? mineralId = null;
        if (!string.IsNullOrWhiteSpace(mineral))
        {
            mineralId = SupplyApi.Resolve(catalogue, mineral)?.Id;
            if (mineralId is null)
            {
                return Problems.Invalid("mineral", $"'{mineral}' is not in the catalogue; expected an id or name such as rare_earths, lithium, लिथियम.");
            }
        }
        Stage? stageValue = null;
        if (!string.IsNullOrWhiteSpace(stage))
        {
            if (!SupplyApi.TryStage(stage, out var st, out var stageProblem))
            {
                return stageProblem;
            }
            stageValue = st;
        }
        var facts = await data.FactsAsync(cancellationToken);
        var supply = facts.Supply.Where(f =>
            (mineralId is null || f.MineralId == mineralId) && (stageValue is null || f.Stage == stageValue) && (year is null || f.Year == year)
            && (source is null || string.Equals(f.Source, source.Trim(), StringComparison.OrdinalIgnoreCase))).ToList();
        var governance = GovernanceIndex.Build(facts.Governance, parameters.GovernanceIndicators, parameters.GovernanceYear);
        var partners = await PartnerSources.ForAsync(await data.StoreAsync(cancellationToken), catalogue, perspective, parameters, cancellationToken);
        var rows = SupplyConcentration.ComputeAll(supply)
            .Select(t => RiskRows.From(SupplyRisk.ForStage(t, governance, facts.Restrictions, facts.Trade, partners, perspective, parameters,
                    facts.RiskInputs.RecyclingFor(t.Key.MineralId)),
                facts.RiskInputs.PublishedTop3(t.Key)))
            .ToList();
        return TypedResults.Ok<IReadOnlyList<RiskRow>>(rows);
    }

    public static async Task<Results<Ok<BriefDto>, ValidationProblem>> GetBrief(
        [AsParameters] RiskQuery query, KhanijCatalogue catalogue, KhanijData data, CancellationToken cancellationToken,
        [Description("Year of supply data; where a mineral and stage has none, the latest earlier year is used (default 2024).")] int year = 2024)
    {
        if (!TryParameters(query, catalogue, out var parameters, out var perspective, out var problem))
        {
            return problem;
        }
        if (year is < 1900 or > 2100)
        {
            return Problems.Invalid("year", $"{year} is out of range; expected a year such as 2024.");
        }
        var facts = await data.FactsAsync(cancellationToken);
        var partners = await PartnerSources.ForAsync(await data.StoreAsync(cancellationToken), catalogue, perspective, parameters, cancellationToken);
        var model = BriefBuilder.Build(facts.RiskInputs, catalogue, perspective, year, partners, parameters);
        return TypedResults.Ok(new BriefDto(perspective, year,
            [.. model.Rows.Select(r => RiskRows.From(r.Risk, facts.RiskInputs.PublishedTop3(r.Table.Key)))],
            [.. model.Matrix.Select(CriticalityDto.From)], Criticality.ProxyStatement, RiskParametersDto.From(parameters), model.WgiYear,
            model.PartialWgi, model.PartnerCount, model.PartnerBases, model.MineralsWithoutData, model.Sources));
    }

    internal static bool TryParameters(RiskQuery query, KhanijCatalogue catalogue, out RiskParameters parameters, out string perspective,
        out ValidationProblem problem)
    {
        parameters = RiskParameters.Default;
        problem = null!;
        if (!SupplyApi.TryCountry(catalogue, query.Country ?? "IND", "country", out perspective, out problem))
        {
            return false;
        }
        IReadOnlyList<string> frameworks = RiskParameters.Default.PartnerFrameworks;
        if (query.PartnerFrameworks is { } text)
        {
            frameworks = string.Equals(text.Trim(), "none", StringComparison.OrdinalIgnoreCase)
                ? []
                : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var unknown = frameworks.Where(id => catalogue.FrameworkById(id) is null).ToList();
            if (unknown.Count > 0)
            {
                problem = Problems.Invalid("partner_frameworks", $"names unknown framework(s) {string.Join(", ", unknown)}; expected ids from "
                    + $"{string.Join(", ", catalogue.Frameworks.Select(f => f.Id))}, or 'none'.");
                return false;
            }
            frameworks = [.. frameworks.Select(id => catalogue.FrameworkById(id)!.Id)];
        }
        if (query.RestrictionFactor is { } t && !(t >= 1 && t <= 10))
        {
            problem = Problems.Invalid("restriction_factor", $"{t} is out of range; expected a number from 1 to 10.");
            return false;
        }
        if (query.PartnerFactor is { } pf && !(pf >= 0 && pf <= 1))
        {
            problem = Problems.Invalid("partner_factor", $"{pf} is out of range; expected a number from 0 to 1.");
            return false;
        }
        parameters = RiskParameters.Default with
        {
            RestrictionFactor = query.RestrictionFactor ?? RiskParameters.Default.RestrictionFactor,
            PartnerFactor = query.PartnerFactor ?? RiskParameters.Default.PartnerFactor,
            PartnerFrameworks = frameworks,
            GovernanceYear = query.WgiYear,
            TradeYear = query.TradeYear,
            RestrictionStatuses = query.CountSuspended == true ? ["in_force", "suspended"] : RiskParameters.Default.RestrictionStatuses,
        };
        return true;
    }
}
