using Khanij.Application;
using System.CommandLine;
using Khanij.Analytics.Risk;

namespace Khanij.Cli.Commands;

/// <summary>The method parameters shared by <c>risk</c> and <c>brief</c>, as options whose defaults are <see cref="RiskParameters.Default"/>.</summary>
internal sealed class RiskOptions
{
    public Option<double> RestrictionFactor { get; } = new("--restriction-factor")
    {
        Description = "Factor t (1–10) on the governance term of producers with an export restriction in force.",
        DefaultValueFactory = _ => RiskParameters.Default.RestrictionFactor,
    };

    public Option<double> PartnerFactor { get; } = new("--partner-factor")
    {
        Description = "Factor (0–1) on the sourcing term of partner countries; 1 switches partner-awareness off.",
        DefaultValueFactory = _ => RiskParameters.Default.PartnerFactor,
    };

    public Option<string> PartnerFrameworks { get; } = new("--partner-frameworks")
    {
        Description = "Comma-separated framework ids whose co-members count as partners (see data/catalogue/frameworks.csv); 'none' for no partners.",
        DefaultValueFactory = _ => string.Join(",", RiskParameters.Default.PartnerFrameworks),
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

    public Option<double> Materiality { get; } = new("--materiality")
    {
        Description = "Import suppliers below this fraction of apparent consumption are minor and drive no headline (0–1).",
        DefaultValueFactory = _ => RiskParameters.Default.MaterialityThreshold,
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

    /// <summary>Rejects a WGI or trade year that the store has no data for, naming the years it has.</summary>
    public static void CheckYears(RiskParameters parameters, RiskInputs inputs)
    {
        if (parameters.GovernanceYear is { } wy && !inputs.Governance.Any(g => g.Year == wy))
        {
            var years = inputs.Governance.Select(g => g.Year).Distinct().Order().ToList();
            throw new CliException($"'--wgi-year {wy}' has no WGI data; years available: {Range(years)}.");
        }
        if (parameters.TradeYear is { } ty && !inputs.Trade.Any(t => t.Year == ty))
        {
            var years = inputs.Trade.Select(t => t.Year).Distinct().Order().ToList();
            throw new CliException($"'--trade-year {ty}' has no trade data; years available: {Range(years)}.");
        }
    }

    private static string Range(IReadOnlyList<int> years) =>
        years.Count == 0 ? "none" : string.Join(", ", years);

    public RiskParameters Read(ParseResult parse, Khanij.Core.Catalogue.KhanijCatalogue catalogue)
    {
        var p = RiskParameters.Default with
        {
            RestrictionFactor = parse.GetValue(RestrictionFactor),
            PartnerFactor = parse.GetValue(PartnerFactor),
            GovernanceYear = parse.GetValue(WgiYear),
            TradeYear = parse.GetValue(TradeYear),
            PartnerFrameworks = parse.GetValue(PartnerFrameworks) is { } f && !string.Equals(f.Trim(), "none", StringComparison.OrdinalIgnoreCase)
                ? f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [],
            RestrictionStatuses = parse.GetValue(CountSuspended) ? ["in_force", "suspended"] : RiskParameters.Default.RestrictionStatuses,
            IncludeBasketCodes = parse.GetValue(IncludeBasketCodes),
            MaterialityThreshold = parse.GetValue(Materiality),
        };
        var unknown = p.PartnerFrameworks.Where(id => catalogue.FrameworkById(id) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new CliException($"'--partner-frameworks' names unknown framework(s) {string.Join(", ", unknown)}; expected ids from "
                + $"data/catalogue/frameworks.csv: {string.Join(", ", catalogue.Frameworks.Select(f => f.Id))}, or 'none'.");
        }
        p = p with { PartnerFrameworks = [.. p.PartnerFrameworks.Select(id => catalogue.FrameworkById(id)!.Id)] };
        try
        {
            return p.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new CliException(e.Message.Split(" (Parameter", 2)[0]);
        }
    }
}
