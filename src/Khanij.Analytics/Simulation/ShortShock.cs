using System.Globalization;
using Khanij.Core;
using Khanij.Core.Catalogue;
using Khanij.Core.Text;

namespace Khanij.Analytics.Simulation;

/// <summary>The command line's short form of a shock (<c>--shock CHN:rare_earths:refining:0.3..0.7:6..18</c>).</summary>
public static class ShortShock
{
    /// <summary>
    /// Parses the short form <c>ISO3:mineral:stage:fraction:months</c> (a cut; fraction 1 is an outage), or
    /// <c>ISO3&gt;TARGET:mineral:stage:fraction:months</c> for a destination ban. Fraction and months may be ranges:
    /// <c>min..max</c> (uniform) or <c>min..mode..max</c> (triangular).
    /// </summary>
    /// <returns>The event, or null with <paramref name="error"/> saying what was wrong.</returns>
    public static ShockEvent? Parse(string text, KhanijCatalogue catalogue, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalogue);
        error = null;
        var parts = text.Split(':');
        if (parts.Length != 5)
        {
            error = $"'{text}' has {English.Count(parts.Length, "part")}; expected ISO3:mineral:stage:fraction:months, e.g. CHN:rare_earths:mining:0.5:12 "
                + "(or CHN>USA:gallium:refining:1:12 for a destination ban).";
            return null;
        }
        var countries = parts[0].Split('>');
        var country = ResolveCountry(catalogue, countries[0]);
        if (country is null)
        {
            error = $"'{countries[0]}' in '{text}' is not a known country; expected an ISO3 code such as CHN.";
            return null;
        }
        string? target = null;
        if (countries.Length == 2)
        {
            target = ResolveCountry(catalogue, countries[1]);
            if (target is null)
            {
                error = $"'{countries[1]}' in '{text}' is not a known country; expected an ISO3 code after '>'.";
                return null;
            }
        }
        var mineral = catalogue.FindMineral(parts[1]);
        if (mineral is null)
        {
            error = $"'{parts[1]}' in '{text}' is not a known mineral; see `khanij minerals` for ids (e.g. rare_earths, cobalt).";
            return null;
        }
        if (!StageNames.TryParse(parts[2], out var stage))
        {
            error = $"'{parts[2]}' in '{text}' is not a stage; expected one of {string.Join(", ", StageNames.All)}.";
            return null;
        }
        var fraction = ParseRange(parts[3], text, "fraction", 0, 1, "a number from 0 to 1 (0.5 = half) or a range such as 0.3..0.7", out error);
        if (fraction is null)
        {
            return null;
        }
        var months = ParseRange(parts[4], text, "duration", 0, MaxShortMonths, $"months above 0 (up to {MaxShortMonths}) or a range such as 6..18", out error);
        if (months is null)
        {
            return null;
        }
        if (fraction.Value.Max == 0 || months.Value.Max == 0)
        {
            error = $"'{text}' withholds nothing ({(fraction.Value.Max == 0 ? "a fraction of 0" : "0 months")}), so it would change no result; expected a "
                + "fraction above 0 and months above 0.";
            return null;
        }
        var kind = target is not null ? ShockKind.DestinationBan : fraction.Value is { Kind: DistributionKind.Fixed, Min: 1 } ? ShockKind.Outage : ShockKind.Cut;
        return new ShockEvent(text, kind, country, target, [mineral.Id], stage, fraction.Value, months.Value, Distribution.Fixed(0), 1);
    }

    /// <summary>The longest duration a command-line shock may give, months (a century, as the horizon's limit).</summary>
    public const double MaxShortMonths = 1200;

    /// <summary>A value of a short-form shock: <c>v</c> (fixed), <c>min..max</c> (uniform) or <c>min..mode..max</c> (triangular),
    /// every number within [<paramref name="low"/>, <paramref name="high"/>] and in order.</summary>
    private static Distribution? ParseRange(string part, string text, string what, double low, double high, string expected, out string? error)
    {
        error = null;
        var pieces = part.Split("..");
        var values = new double[pieces.Length];
        for (var i = 0; i < pieces.Length; i++)
        {
            if (pieces.Length > 3 || !double.TryParse(pieces[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])
                || !double.IsFinite(values[i]) || values[i] < low || values[i] > high)
            {
                error = $"'{part}' in '{text}' is not a {what}; expected {expected}.";
                return null;
            }
        }
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] < values[i - 1])
            {
                error = $"'{part}' in '{text}' is not a {what} range; expected the numbers in increasing order (min..max or min..mode..max).";
                return null;
            }
        }
        return values.Length switch
        {
            1 => Distribution.Fixed(values[0]),
            2 => Distribution.Uniform(values[0], values[1]),
            _ => Distribution.Triangular(values[0], values[1], values[2]),
        };
    }

    internal static string? ResolveCountry(KhanijCatalogue catalogue, string text)
    {
        var trimmed = text.Trim();
        return catalogue.CountryByIso3(trimmed.ToUpperInvariant())?.Iso3 ?? catalogue.FindCountry(trimmed)?.Iso3;
    }
}
