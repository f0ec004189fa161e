using System.Globalization;
using Khanij.Analytics.Risk;
using Khanij.Core;
using Khanij.Core.Catalogue;
using Khanij.Data;

namespace Khanij.Application.Services;

/// <summary>A request of the risk use case (<c>khanij risk</c>, <c>GET /api/risk</c>): which tables (all when null) for which country.</summary>
internal sealed record RiskRequest(
    string? Mineral = null,
    string? Stage = null,
    int? Year = null,
    string? Source = null,
    string? Country = null,
    MethodRequest? Method = null)
{
    /// <summary>The registry's partner links to use instead of the store's (the impact of a review decision compares two registry
    /// states with this service); null for the store's accepted records.</summary>
    public IReadOnlyList<Khanij.Core.Partners.PartnerLink>? RegistryLinks { get; init; }
}

/// <summary>The risk use case's answer: rows as printed, the scored tables behind them, and the parameters and partners in force.</summary>
internal sealed record RiskResult(string Perspective, RiskParameters Parameters, int? WgiYear, PartnerSet Partners,
    IReadOnlyList<PerspectiveStage> Stages, IReadOnlyList<RiskRow> Rows);

/// <summary>The risk use case: concentration and supply-risk metrics per mineral × stage × year × source for a perspective country
/// (docs/risk.md). One validation and one set of defaults for the CLI and the API.</summary>
internal static class RiskService
{
    /// <summary>The perspective country when the request names none.</summary>
    public const string DefaultCountry = "IND";

    public static async Task<ServiceResult<RiskResult>> RunAsync(KhanijStore store, RiskInputs inputs, KhanijCatalogue catalogue, RiskRequest request,
        CancellationToken cancellationToken)
    {
        var errors = new List<RequestError>();
        var perspective = RequestFields.Country(catalogue, request.Country ?? DefaultCountry, errors);
        var mineralId = RequestFields.Mineral(catalogue, request.Mineral, errors);
        var stage = RequestFields.Stage(request.Stage, errors);
        var parameters = (request.Method ?? new MethodRequest()).Resolve(catalogue, errors);
        if (errors.Count > 0)
        {
            return ServiceResult<RiskResult>.Invalid(errors);
        }
        MethodRequest.CheckYears(parameters, inputs, errors);
        var source = string.IsNullOrWhiteSpace(request.Source) ? null : request.Source.Trim();
        var supply = inputs.Supply.Where(f =>
            (mineralId is null || f.MineralId == mineralId)
            && (stage is null || f.Stage == stage)
            && (request.Year is not { } y || f.Year == y)
            && (source is null || string.Equals(f.Source, source, StringComparison.OrdinalIgnoreCase))).ToList();
        if (supply.Count == 0)
        {
            errors.Add(NoData(inputs, mineralId, stage, request.Year, source));
        }
        if (errors.Count > 0)
        {
            return ServiceResult<RiskResult>.Invalid(errors);
        }
        var governance = inputs.GovernanceIndexFor(parameters);
        var partners = request.RegistryLinks is { } registryLinks
            ? PartnerDefinition.For(registryLinks, catalogue, perspective!, parameters.PartnerFrameworks)
            : await PartnerDefinition.ForAsync(store, catalogue, perspective!, parameters.PartnerFrameworks, cancellationToken);
        var stages = PerspectiveRule.Score(supply, inputs, governance, partners, perspective!, parameters, cancellationToken,
            Localization.Messages.PhrasebookWith(catalogue));
        var rows = stages.Select(s => RiskRows.From(s, partners, inputs.PublishedTop3(s.World.Key))).ToList();
        return ServiceResult<RiskResult>.Ok(new RiskResult(perspective!, parameters, governance.Year, partners, stages, rows));
    }

    private static RequestError NoData(RiskInputs inputs, string? mineralId, Stage? stage, int? year, string? source)
    {
        var candidates = inputs.Supply.Where(f => (mineralId is null || f.MineralId == mineralId) && (stage is null || f.Stage == stage)).ToList();
        var what = $"No supply data for mineral={mineralId ?? "any"}, stage={stage?.ToId() ?? "any"}, "
            + $"year={year?.ToString(CultureInfo.InvariantCulture) ?? "any"}, source={source ?? "any"}.";
        var field = source is not null ? "source" : year is not null ? "year" : stage is not null ? "stage" : "mineral";
        if (candidates.Count == 0)
        {
            return new RequestError(field, what + " Minerals with data: "
                + string.Join(", ", inputs.Supply.Select(f => f.MineralId).Distinct().Order(StringComparer.Ordinal)) + ".");
        }
        var combos = candidates.Select(f => $"{f.Source}/{f.Stage.ToId()}/{f.Year}{(f.Scenario is null ? "" : "/" + f.Scenario)}")
            .Distinct().Order(StringComparer.Ordinal);
        return new RequestError(field, what + " Available for this selection (source/stage/year): " + string.Join(", ", combos) + ".");
    }
}
