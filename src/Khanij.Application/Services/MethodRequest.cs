using Khanij.Analytics.Risk;
using Khanij.Core.Catalogue;

namespace Khanij.Application.Services;

/// <summary>The supply-risk method's parameters as a request gives them (null = the default of <see cref="RiskParameters.Default"/>), shared by
/// the risk and brief use cases. <see cref="PartnerFrameworks"/> is the one partner parameter (see <see cref="PartnerDefinition"/>).</summary>
internal sealed record MethodRequest(
    double? RestrictionFactor = null,
    double? PartnerFactor = null,
    string? PartnerFrameworks = null,
    int? WgiYear = null,
    int? TradeYear = null,
    bool CountSuspended = false,
    bool IncludeBasketCodes = false,
    double? Materiality = null)
{
    /// <summary>The parameters, or the problems with them (field names as the API's query names).</summary>
    public RiskParameters Resolve(KhanijCatalogue catalogue, List<RequestError> errors)
    {
        var d = RiskParameters.Default;
        if (RestrictionFactor is { } t && !(t >= 1 && t <= 10))
        {
            errors.Add(new RequestError("restriction_factor", "is out of range; expected a number from 1 to 10.") { Value = Num(t) });
        }
        if (PartnerFactor is { } pf && !(pf >= 0 && pf <= 1))
        {
            errors.Add(new RequestError("partner_factor", "is out of range; expected a number from 0 to 1.") { Value = Num(pf) });
        }
        if (Materiality is { } mt && !(mt >= 0 && mt < 1))
        {
            errors.Add(new RequestError("materiality", "is out of range; expected a fraction from 0 to below 1 (0.01 = 1 % of apparent consumption).")
            {
                Value = Num(mt),
            });
        }
        var frameworks = PartnerDefinition.ResolveFrameworks(catalogue, PartnerFrameworks, errors);
        return d with
        {
            RestrictionFactor = RestrictionFactor is { } rf && rf >= 1 && rf <= 10 ? rf : d.RestrictionFactor,
            PartnerFactor = PartnerFactor is { } p && p >= 0 && p <= 1 ? p : d.PartnerFactor,
            PartnerFrameworks = frameworks,
            GovernanceYear = WgiYear,
            TradeYear = TradeYear,
            RestrictionStatuses = CountSuspended ? ["in_force", "suspended"] : d.RestrictionStatuses,
            IncludeBasketCodes = IncludeBasketCodes,
            MaterialityThreshold = Materiality is { } m && m >= 0 && m < 1 ? m : d.MaterialityThreshold,
        };
    }

    /// <summary>Rejects a WGI or trade year that the store has no data for, naming the years it has.</summary>
    public static void CheckYears(RiskParameters parameters, RiskInputs inputs, List<RequestError> errors)
    {
        if (parameters.GovernanceYear is { } wy && !inputs.GovernanceYears.Contains(wy))
        {
            errors.Add(new RequestError("wgi_year", $"has no WGI data; years available: {Years(inputs.GovernanceYears)}.")
            {
                Value = wy.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        }
        if (parameters.TradeYear is { } ty && !inputs.Trade.Any(t => t.Year == ty))
        {
            errors.Add(new RequestError("trade_year", $"has no trade data; years available: {Years(inputs.Trade.Select(t => t.Year))}.")
            {
                Value = ty.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        }
    }

    internal static string Years(IEnumerable<int> years)
    {
        var list = years.Distinct().Order().ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }

    private static string Num(double v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
