using System.Globalization;

namespace Khanij.Data.Import;

/// <summary>Normalises source units to tonnes: the factor to multiply by and what the tonnes are of.</summary>
internal static class Units
{
    private static readonly Dictionary<string, double> Factors = new(StringComparer.OrdinalIgnoreCase)
    {
        ["t"] = 1, ["tons"] = 1, ["tonnes"] = 1, ["metric tons"] = 1,
        ["kt"] = 1_000, ["thousand tons"] = 1_000, ["thousand tonnes"] = 1_000, ["thousand metric tons"] = 1_000,
        ["kg"] = 0.001, ["kilograms"] = 0.001,
    };

    public static string Known => string.Join(", ", Factors.Keys.Select(k => $"'{k}'"));

    /// <summary>Parses units such as <c>thousand metric tons, copper content</c> or <c>metric tons (natural graphite)</c>.
    /// Returns false when the quantity part is not a known mass unit.</summary>
    public static bool TryParse(string unit, out double factor, out string basis)
    {
        var text = unit.Trim();
        string head;
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        var paren = text.IndexOf('(', StringComparison.Ordinal);
        if (comma >= 0)
        {
            head = text[..comma];
            basis = text[(comma + 1)..].Trim();
        }
        else if (paren >= 0 && text.EndsWith(')'))
        {
            head = text[..paren];
            basis = text[(paren + 1)..^1].Trim();
        }
        else
        {
            head = text;
            basis = "gross weight";
        }
        return Factors.TryGetValue(head.Trim(), out factor);
    }

    /// <summary>Multiplies and rounds away binary noise (e.g. 1.1 × 1000), keeping 15 significant digits.</summary>
    public static double Scale(double value, double factor)
    {
        var scaled = value * factor;
        return factor == 1 || !double.IsFinite(scaled)
            ? scaled
            : double.Parse(scaled.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
