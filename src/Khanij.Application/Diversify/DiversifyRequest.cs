using System.ComponentModel;

namespace Khanij.Application.Diversify;

/// <summary>A request for a recommended import mix (<c>khanij diversify</c>, <c>GET /api/diversify</c>).</summary>
/// <param name="Mineral">Mineral id or name.</param>
/// <param name="Stage">Stage: mining or refining (the stages with trade data).</param>
/// <param name="Country">Importing country, ISO3 or name.</param>
/// <param name="Objective"><c>risk</c> (default) or <c>cvar</c>.</param>
/// <param name="ScenarioFile">Disruption scenario (required for <c>cvar</c>).</param>
/// <param name="Cap">Largest share of one supplier (default 0.65).</param>
/// <param name="MaxChange">Largest change of a supplier's share from today's, in share points; null for none.</param>
/// <param name="Exclude">Suppliers to exclude (ISO3 or names).</param>
/// <param name="MinPartnerShare">Smallest total share from partners; null for none.</param>
/// <param name="Runs">Monte Carlo draws for cvar (default: the scenario's, at most 2000).</param>
/// <param name="Seed">Seed for cvar (default: the scenario's, else 20250222).</param>
/// <param name="TradeYear">Trade year (default: the latest with data).</param>
public sealed record DiversifyRequest(
    [property: Description("Mineral id or name")] string Mineral,
    [property: Description("Stage: mining or refining")] string Stage,
    [property: Description("Importing country, ISO3 or name")] string Country = "IND",
    [property: Description("risk or cvar")] string Objective = "risk",
    [property: Description("Disruption scenario file (cvar)")] string? ScenarioFile = null,
    [property: Description("Largest share of one supplier")] double Cap = 0.65,
    [property: Description("Largest change from today's share, share points")] double? MaxChange = null,
    [property: Description("Suppliers to exclude")] IReadOnlyList<string>? Exclude = null,
    [property: Description("Smallest total share from partners")] double? MinPartnerShare = null,
    [property: Description("Monte Carlo draws (cvar)")] int? Runs = null,
    [property: Description("Seed (cvar)")] ulong? Seed = null,
    [property: Description("Trade year")] int? TradeYear = null)
{
    /// <summary>Most draws the CVaR LP accepts (one constraint each).</summary>
    public const int MaxRuns = 20_000;

    /// <summary>Draws the CVaR LP takes by default (fewer when the scenario asks for fewer).</summary>
    public const int DefaultRuns = 2000;

    /// <summary>Default seed, the simulation's.</summary>
    public const ulong DefaultSeed = 20250222;
}
