using System.ComponentModel;
using Khanij.Application.Services;
using Microsoft.AspNetCore.Mvc;

namespace Khanij.Web.Apis;

/// <summary>Method parameters of <c>/api/risk</c> and <c>/api/brief</c>; each defaults to the method's documented default
/// (the defaults of <c>khanij risk</c>).</summary>
internal sealed record RiskQuery
{
    [Description("Perspective country (ISO3 or name in English or Hindi); default IND.")]
    [FromQuery(Name = "country")]
    public string? Country { get; init; }

    [Description("Factor t (1–10) on the governance term of producers with an export restriction in force; default 1.1.")]
    [FromQuery(Name = "restriction_factor")]
    public double? RestrictionFactor { get; init; }

    [Description("Factor (0–1) on the sourcing term of partner countries; 1 switches partner-awareness off; default 0.8.")]
    [FromQuery(Name = "partner_factor")]
    public double? PartnerFactor { get; init; }

    [Description("Comma-separated framework ids whose fellow members count as partners besides accepted registry partnerships, or 'none'; "
        + "default MSP,IPEF,QUAD,G7 (the one partner definition of risk, brief and simulate).")]
    [FromQuery(Name = "partner_frameworks")]
    public string? PartnerFrameworks { get; init; }

    [Description("WGI year (default: the latest in the store).")]
    [FromQuery(Name = "wgi_year")]
    public int? WgiYear { get; init; }

    [Description("Trade year for import measures (default: the latest with data).")]
    [FromQuery(Name = "trade_year")]
    public int? TradeYear { get; init; }

    [Description("Also count restrictions whose status is 'suspended' as in force.")]
    [FromQuery(Name = "count_suspended")]
    public bool? CountSuspended { get; init; }

    [Description("Count basket HS codes and codes that include scrap as the mineral's product (left out by default).")]
    [FromQuery(Name = "include_basket_codes")]
    public bool? IncludeBasketCodes { get; init; }

    [Description("Import suppliers below this fraction of apparent consumption are minor and drive no headline (0 to below 1; default 0.01).")]
    [FromQuery(Name = "materiality")]
    public double? Materiality { get; init; }

    /// <summary>The method part of the request, for the services.</summary>
    public MethodRequest ToMethod() =>
        new(RestrictionFactor, PartnerFactor, PartnerFrameworks, WgiYear, TradeYear, CountSuspended == true, IncludeBasketCodes == true, Materiality);
}
