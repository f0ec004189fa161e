using System.Globalization;
using Khanij.Analytics.Risk;
using Khanij.Core;
using Khanij.Core.Catalogue;
using Khanij.Data;

namespace Khanij.Application.Services;

/// <summary>A request of the brief use case (<c>khanij brief</c>, <c>GET /api/brief</c>).</summary>
/// <param name="Country">Perspective country (default <see cref="RiskService.DefaultCountry"/>).</param>
/// <param name="Year">Year of supply data (default <see cref="BriefService.DefaultYear"/>). Beyond the observed years only a projection is used.</param>
/// <param name="Scenario">Projection scenario for a projection year, when more than one covers it.</param>
/// <param name="Method">Method parameters.</param>
internal sealed record BriefRequest(string? Country = null, int? Year = null, string? Scenario = null, MethodRequest? Method = null);

/// <summary>The brief use case's answer: the model the reports are written from, and the JSON document (built on first use: the terminal
/// report and the files need only the model).</summary>
internal sealed class BriefResult(BriefModel model, RiskInputs inputs)
{
    private BriefDocument? _document;

    public BriefModel Model { get; } = model;

    public BriefDocument Document => _document ??= BriefDocument.From(Model, inputs);
}

/// <summary>The brief use case: a country's exposure across the minerals on its critical list (or every mineral with data), ranked.</summary>
internal static class BriefService
{
    /// <summary>The year when the request names none.</summary>
    public const int DefaultYear = 2024;

    /// <param name="dataDir">The data pack directory; when given, the brief gets its section on demand and the supply gap from the country's
    /// shipped deployment scenario (<see cref="Demand.DemandBrief"/>).</param>
    public static async Task<ServiceResult<BriefResult>> RunAsync(KhanijStore store, RiskInputs inputs, KhanijCatalogue catalogue, BriefRequest request,
        CancellationToken cancellationToken, string? dataDir = null)
    {
        var errors = new List<RequestError>();
        var perspective = RequestFields.Country(catalogue, request.Country ?? RiskService.DefaultCountry, errors);
        var year = request.Year ?? DefaultYear;
        if (year is < 1900 or > 2100)
        {
            errors.Add(new RequestError("year", "is out of range; expected a year such as 2024.") { Value = Text(year) });
        }
        var parameters = (request.Method ?? new MethodRequest()).Resolve(catalogue, errors);
        if (errors.Count > 0)
        {
            return ServiceResult<BriefResult>.Invalid(errors);
        }
        MethodRequest.CheckYears(parameters, inputs, errors);
        var projection = Projection(inputs, year, request.Scenario, errors);
        if (errors.Count > 0)
        {
            return ServiceResult<BriefResult>.Invalid(errors);
        }
        // The demand section reads and computes on its own (its scenario file, intensities, the country's imports): it runs on a worker
        // while the ranked tables are built, so the second core shortens the brief.
        var demand = dataDir is null ? null
            : Task.Run(() => Demand.DemandBrief.ForAsync(perspective!, store, catalogue, dataDir, cancellationToken), cancellationToken);
        BriefModel model;
        try
        {
            var partners = await PartnerDefinition.ForAsync(store, catalogue, perspective!, parameters.PartnerFrameworks, cancellationToken);
            Diagnostics.PhaseTimes.Mark("brief: partners");
            model = BriefBuilder.Build(inputs, catalogue, perspective!, year, projection, partners, parameters);
            Diagnostics.PhaseTimes.Mark("brief: model");
        }
        catch when (demand is not null)
        {
            await Task.WhenAny(demand); // the caller disposes the store after this returns: the worker must be done with it
            throw;
        }
        if (model.Rows.Count == 0)
        {
            if (demand is not null)
            {
                await Task.WhenAny(demand); // the store must outlive it; its result (or failure) is not needed without rows
            }
            return ServiceResult<BriefResult>.Invalid("year", $"has no supply data up to it for {model.Coverage}; observed years: "
                + $"{MethodRequest.Years(inputs.Supply.Where(f => f.Scenario is null).Select(f => f.Year))}.", Text(year));
        }
        if (demand is not null)
        {
            model = model with { Demand = await demand };
        }
        Diagnostics.PhaseTimes.Mark("brief: demand");
        return ServiceResult<BriefResult>.Ok(new BriefResult(model, inputs));
    }

    /// <summary>Null for a year within the observed data; the projection scenario for a later year that a projection covers; else an error
    /// naming the observed years and the projections there are.</summary>
    private static string? Projection(RiskInputs inputs, int year, string? scenario, List<RequestError> errors)
    {
        var observed = inputs.Supply.Where(f => f.Scenario is null).Select(f => f.Year).Distinct().Order().ToList();
        var projections = inputs.Supply.Where(f => f.Scenario is not null).GroupBy(f => f.Scenario!, StringComparer.Ordinal)
            .Select(g => (Scenario: g.Key, Name: BriefBuilder.ProjectionName(inputs.Supply, g.Key), Years: g.Select(f => f.Year).Distinct().Order().ToList()))
            .OrderBy(p => p.Scenario, StringComparer.Ordinal).ToList();
        var described = projections.Count == 0 ? "none" : string.Join("; ", projections.Select(p => $"{p.Name}: {string.Join(", ", p.Years)}"));
        var observedText = observed.Count == 0 ? "none" : $"{observed[0]}–{observed[^1]}";
        if (observed.Count > 0 && year <= observed[^1])
        {
            if (scenario is not null)
            {
                errors.Add(new RequestError("scenario", $"applies to projection years only; {Text(year)} is within the observed data ({observedText}). "
                    + $"Projections: {described}.") { Value = scenario });
            }
            return null;
        }
        var covering = projections.Where(p => p.Years.Contains(year)).ToList();
        if (scenario is not null)
        {
            covering = [.. covering.Where(p => string.Equals(p.Scenario, scenario.Trim(), StringComparison.OrdinalIgnoreCase))];
        }
        if (covering.Count == 1)
        {
            return covering[0].Scenario;
        }
        var why = covering.Count == 0
            ? $"is after the observed supply data ({observedText}) and no projection{(scenario is null ? "" : $" '{scenario}'")} covers it"
            : $"is covered by several projections ({string.Join(", ", covering.Select(p => p.Scenario))}); name one with scenario";
        errors.Add(new RequestError("year", $"{why}. Observed years: {observedText}; projections: {described}. "
            + "Use an observed year, or a projection year (its scenario is then named in the title and every row).") { Value = Text(year) });
        return null;
    }

    private static string Text(int year) => year.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The brief as JSON (<c>khanij brief --json</c> and <c>GET /api/brief</c> print this document).</summary>
internal sealed record BriefDocument(
    string Perspective,
    string PerspectiveName,
    int Year,
    string? Projection,
    string Title,
    string? CriticalList,
    string Coverage,
    IReadOnlyList<RiskRow> Rows,
    IReadOnlyList<CriticalityDto> Matrix,
    string ImportanceStatement,
    RiskParametersDto Parameters,
    int? WgiYear,
    IReadOnlyList<string> PartialWgi,
    int PartnerCount,
    IReadOnlyList<string> PartnerBases,
    PartnerSet Partners,
    IReadOnlyList<string> MineralsWithoutData,
    IReadOnlyList<string> MineralsOffList,
    IReadOnlyList<string> Sources,
    Demand.DemandBriefSection? Demand)
{
    public static BriefDocument From(BriefModel m, RiskInputs inputs) => new(
        m.Perspective, m.PerspectiveName, m.Year, m.Projection, m.Title, m.CriticalList?.Name, m.Coverage,
        [.. m.Rows.Select(r => RiskRows.From(r.Scored, m.Partners, inputs.PublishedTop3(r.World.Key)))],
        [.. m.Matrix.Select(CriticalityDto.From)], Criticality.ProxyStatement, RiskParametersDto.From(m.Parameters), m.WgiYear, m.PartialWgi,
        m.PartnerCount, m.PartnerBases, m.Partners, m.MineralsWithoutData, m.MineralsOffList, m.Sources, m.Demand);
}

/// <summary>A mineral's place in the criticality matrix (supply risk against the stated importance proxy).</summary>
internal sealed record CriticalityDto(string MineralId, double SupplyRisk, string DrivingStage, double? Importance, string ImportanceBasis,
    double? DemandGrowth)
{
    public static CriticalityDto From(CriticalityPoint p) =>
        new(p.MineralId, p.SupplyRisk, p.DrivingStage.ToId(), p.Importance, p.ImportanceBasis, p.DemandGrowth);
}

/// <summary>The method parameters in force, so they can be shown beside the results.</summary>
internal sealed record RiskParametersDto(IReadOnlyList<string> GovernanceIndicators, int? GovernanceYear, double RestrictionFactor,
    IReadOnlyList<string> RestrictionStatuses, IReadOnlyList<string> RestrictionMeasures, double PartnerFactor, IReadOnlyList<string> PartnerFrameworks,
    int? TradeYear, string ImportanceScenario, int ImportanceYear)
{
    public static RiskParametersDto From(RiskParameters p) => new(p.GovernanceIndicators, p.GovernanceYear, p.RestrictionFactor, p.RestrictionStatuses,
        p.RestrictionMeasures, p.PartnerFactor, p.PartnerFrameworks, p.TradeYear, p.ImportanceScenario, p.ImportanceYear);
}
