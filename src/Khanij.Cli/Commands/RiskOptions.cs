using Khanij.Application.Services;
using System.CommandLine;
using Khanij.Analytics.Risk;

namespace Khanij.Cli.Commands;

/// <summary>The method parameters shared by <c>risk</c> and <c>brief</c>, as options whose defaults are <see cref="RiskParameters.Default"/>.</summary>
internal sealed class RiskOptions
{
    public Option<double?> RestrictionFactor { get; } = new("--restriction-factor")
    {
        Description = $"Factor t (1–10) on the governance term of producers with an export restriction in force (default {RiskParameters.Default.RestrictionFactor}).",
    };

    public Option<double?> PartnerFactor { get; } = new("--partner-factor")
    {
        Description = $"Factor (0–1) on the sourcing term of partner countries; 1 switches partner-awareness off (default {RiskParameters.Default.PartnerFactor}).",
    };

    public Option<string?> PartnerFrameworks { get; } = PartnerFrameworksOption();

    /// <summary>The one partner parameter, shared by risk, brief and simulate (see <see cref="PartnerDefinition"/>).</summary>
    public static Option<string?> PartnerFrameworksOption() => new("--partner-frameworks")
    {
        Description = "Comma-separated framework ids whose fellow members count as partners, besides accepted registry partnerships "
            + $"(data/catalogue/frameworks.csv; default {string.Join(",", PartnerDefinition.DefaultFrameworks)}); 'none' for registry partners only.",
    };

    public Option<int?> WgiYear { get; } = new("--wgi-year") { Description = "WGI year (default: the latest in the store)." };

    public Option<int?> TradeYear { get; } = new("--trade-year") { Description = "Trade year for import measures (default: latest with data)." };

    public Option<bool> CountSuspended { get; } = new("--count-suspended")
    {
        Description = "Also count restrictions whose status is 'suspended' as in force.",
    };

    public Option<bool> IncludeBasketCodes { get; } = new("--include-basket-codes")
    {
        Description = "Count basket HS codes (e.g. 282739 'other chlorides') and codes that include scrap as the mineral's product (left out by default).",
    };

    public Option<double?> Materiality { get; } = new("--materiality")
    {
        Description = "Import suppliers below this fraction of apparent consumption are minor and drive no headline (0 to below 1; default "
            + $"{RiskParameters.Default.MaterialityThreshold}).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(IncludeBasketCodes);
        command.Options.Add(Materiality);
        command.Options.Add(RestrictionFactor);
        command.Options.Add(PartnerFactor);
        command.Options.Add(PartnerFrameworks);
        command.Options.Add(WgiYear);
        command.Options.Add(TradeYear);
        command.Options.Add(CountSuspended);
    }

    /// <summary>The method part of a risk or brief request; the service validates it (<see cref="MethodRequest.Resolve"/>).</summary>
    public MethodRequest Read(ParseResult parse) => new(
        parse.GetValue(RestrictionFactor), parse.GetValue(PartnerFactor), parse.GetValue(PartnerFrameworks), parse.GetValue(WgiYear),
        parse.GetValue(TradeYear), parse.GetValue(CountSuspended), parse.GetValue(IncludeBasketCodes), parse.GetValue(Materiality));
}
