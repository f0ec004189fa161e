using System.ComponentModel;
using Khanij.Analytics.Risk;
using Khanij.Core;
using Khanij.Core.Catalogue;
using Khanij.Core.Partners;
using Khanij.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Khanij.Web.Apis;

/// <summary><c>/api/risk</c> and <c>/api/brief</c>: supply-risk metrics and the ranked brief for a perspective country. The numbers come from
/// the risk kernels over the store's facts with the parameters and table choice of <c>khanij risk</c> and <c>khanij brief</c>.</summary>
internal static class RiskApi
{
    // The brief's table choice, as in `khanij brief`: the brief's year (else the latest earlier year), USGS first, then IEA, then Cheng 2020.
    private static readonly string[] BriefSourcePreference = ["usgs", "iea", "cheng2020"];

    public static IEndpointRouteBuilder MapRiskApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("api").WithTags("Risk");
        group.MapGet("/risk", GetRisk).WithName("GetRisk")
            .WithSummary("Concentration and supply-risk metrics per mineral, stage, year and source for a perspective country (as khanij risk --json)");
        group.MapGet("/brief", GetBrief).WithName("GetBrief")
            .WithSummary("A country's exposure across every mineral with data, ranked by supply risk, with the criticality matrix (as khanij brief)");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<RiskRowDto>>, ValidationProblem>> GetRisk(
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
        var partners = FrameworkPartners.For(perspective, catalogue.Frameworks, parameters.PartnerFrameworks);
        var rows = SupplyConcentration.ComputeAll(supply)
            .Select(t => RiskRowDto.From(SupplyRisk.ForStage(t, governance, facts.Restrictions, facts.Trade, partners, perspective, parameters)))
            .ToList();
        return TypedResults.Ok<IReadOnlyList<RiskRowDto>>(rows);
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
        var partners = FrameworkPartners.For(perspective, catalogue.Frameworks, parameters.PartnerFrameworks);
        return TypedResults.Ok(Brief(facts, catalogue, perspective, year, partners, parameters));
    }

    internal static BriefDto Brief(PackFacts facts, KhanijCatalogue catalogue, string perspective, int year, IReadOnlyList<PartnerLink> partners,
        RiskParameters parameters)
    {
        var governance = GovernanceIndex.Build(facts.Governance, parameters.GovernanceIndicators, parameters.GovernanceYear);
        var tables = SupplyConcentration.ComputeAll(facts.Supply.Where(f => f.Scenario is null))
            .Where(t => t.Hhi is not null && t.Key.Year <= year)
            .ToList();
        var risks = new List<StageRisk>();
        foreach (var group in tables.GroupBy(t => (t.Key.MineralId, t.Key.Stage)))
        {
            var candidates = group.ToList();
            var bestYear = candidates.Any(c => c.Key.Year == year) ? year : candidates.Max(c => c.Key.Year);
            var chosen = candidates.Where(c => c.Key.Year == bestYear).OrderBy(c => Rank(c.Key.Source)).First();
            risks.Add(SupplyRisk.ForStage(chosen, governance, facts.Restrictions, facts.Trade, partners, perspective, parameters));
        }
        risks = [.. risks.OrderByDescending(r => r.Score).ThenBy(r => r.MineralId, StringComparer.Ordinal).ThenBy(r => r.Stage)];
        var matrix = Criticality.Build(risks, facts.Demand, parameters);
        var withData = risks.Select(r => r.MineralId).ToHashSet(StringComparer.Ordinal);
        var sources = risks.SelectMany(r => r.Global.Sources.Concat(r.Imports?.Sources ?? []))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new BriefDto(perspective, year, [.. risks.Select(RiskRowDto.From)], [.. matrix.Select(CriticalityDto.From)], Criticality.ProxyStatement,
            RiskParametersDto.From(parameters), governance.Year,
            partners.Select(p => p.CountryB == perspective ? p.CountryA : p.CountryB).Distinct(StringComparer.Ordinal).Count(),
            [.. partners.Select(p => p.Basis).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            [.. catalogue.Minerals.Where(m => m.India2023 && !withData.Contains(m.Id)).Select(m => m.Id)], sources);
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

    private static int Rank(string source)
    {
        var i = Array.IndexOf(BriefSourcePreference, source);
        return i < 0 ? BriefSourcePreference.Length : i;
    }
}
