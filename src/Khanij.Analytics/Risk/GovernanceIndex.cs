using Khanij.Core.Facts;

namespace Khanij.Analytics.Risk;

/// <summary>WGI governance per country, rescaled to 0–10 with higher = riskier, for one year and a chosen set of dimensions.
/// A country with no estimate in any chosen dimension for that year has no score: it is reported as missing, never filled.
/// Immutable and thread-safe.</summary>
public sealed class GovernanceIndex
{
    private readonly Dictionary<string, (double Score, int Dimensions)> _scores;

    private GovernanceIndex(int? year, IReadOnlyList<string> indicators, Dictionary<string, (double, int)> scores)
    {
        Year = year;
        Indicators = indicators;
        _scores = scores;
    }

    /// <summary>WGI year used; null when the governance data was empty.</summary>
    public int? Year { get; }

    /// <summary>WGI dimensions averaged (codes CC, GE, PV, RL, RQ, VA).</summary>
    public IReadOnlyList<string> Indicators { get; }

    /// <summary>Number of countries with a score.</summary>
    public int Count => _scores.Count;

    /// <summary>Rescales a WGI estimate (standard-normal units, about −2.5 … 2.5, higher = better) to 0–10 with higher = riskier:
    /// <c>clamp((2.5 − estimate) × 2, 0, 10)</c>.</summary>
    public static double Rescale(double estimate) => Math.Clamp((2.5 - estimate) * 2, 0, 10);

    /// <summary>Builds the index from WGI estimates.</summary>
    /// <param name="scores">Estimates of any years and dimensions; others are ignored.</param>
    /// <param name="indicators">Dimensions to average.</param>
    /// <param name="year">Year to use; null for the latest year present among the chosen dimensions.</param>
    public static GovernanceIndex Build(IEnumerable<GovernanceScore> scores, IReadOnlyList<string> indicators, int? year)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(indicators);
        var relevant = scores.Where(s => indicators.Contains(s.Indicator, StringComparer.OrdinalIgnoreCase)).ToList();
        var useYear = year ?? (relevant.Count > 0 ? relevant.Max(s => s.Year) : null);
        var byCountry = relevant
            .Where(s => s.Year == useYear)
            .GroupBy(s => s.Iso3, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g =>
                {
                    // One value per dimension (the first if a dimension repeats), then the plain mean, as the EU method averages the six.
                    var perDimension = g.GroupBy(s => s.Indicator, StringComparer.OrdinalIgnoreCase).Select(d => Rescale(d.First().Estimate)).ToList();
                    return (perDimension.Average(), perDimension.Count);
                },
                StringComparer.Ordinal);
        return new GovernanceIndex(useYear, indicators, byCountry);
    }

    /// <summary>The 0–10 score of <paramref name="iso3"/>, or null when the data has none for <see cref="Year"/>.</summary>
    public double? Score(string iso3) => _scores.TryGetValue(iso3, out var s) ? s.Score : null;

    /// <summary>How many of <see cref="Indicators"/> the score of <paramref name="iso3"/> averages (0 when missing).</summary>
    public int DimensionsFor(string iso3) => _scores.TryGetValue(iso3, out var s) ? s.Dimensions : 0;
}
