using System.Globalization;

namespace Khanij.Analytics.Risk;

/// <summary>Net import reliance as the EU and USGS define it: (imports − exports) / (production + imports − exports), every term in tonnes
/// of contained mineral, with the inputs kept so they can be shown.</summary>
/// <param name="Value">Reliance in [0, 1] (clipped, see <paramref name="Clipped"/>), or null when it cannot be computed honestly.</param>
/// <param name="Production">The perspective's production at the stage from the supply table (contained tonnes), or null when unknown.</param>
/// <param name="Imports">Imports, contained tonnes (counted codes only).</param>
/// <param name="Exports">Exports, contained tonnes, or null when not reported.</param>
/// <param name="ApparentConsumption">Production + imports − exports, or null when a term is unknown.</param>
/// <param name="IsUpperBound">True when an unknown term was taken at the bound that makes reliance largest (production not listed but
/// possibly inside the source's "other countries", or exports not reported): the value is then an upper bound.</param>
/// <param name="Clipped">True when the raw ratio fell outside [0, 1] (a net exporter) and was clipped.</param>
/// <param name="Basis">How the value was found, with every input and its year, or why it is missing.</param>
public sealed record NetImportReliance(
    double? Value,
    double? Production,
    double Imports,
    double? Exports,
    double? ApparentConsumption,
    bool IsUpperBound,
    bool Clipped,
    string Basis)
{
    private static readonly Dictionary<string, string> Elements = new(StringComparer.OrdinalIgnoreCase)
    {
        ["li"] = "lithium", ["co"] = "cobalt", ["ni"] = "nickel", ["mn"] = "manganese", ["p"] = "phosphorus", ["cu"] = "copper",
        ["c"] = "graphite", ["ga"] = "gallium", ["ge"] = "germanium", ["w"] = "tungsten", ["sb"] = "antimony", ["zn"] = "zinc",
    };

    /// <summary>Computes net import reliance of <paramref name="imports"/>' perspective at its stage against the supply table
    /// <paramref name="global"/>.</summary>
    public static NetImportReliance Compute(ConcentrationResult global, ImportProfile imports)
    {
        ArgumentNullException.ThrowIfNull(global);
        ArgumentNullException.ThrowIfNull(imports);
        var inv = CultureInfo.InvariantCulture;
        var perspective = imports.Perspective;
        if (imports.Year is null)
        {
            return Missing(imports, "not computed: no trade data for this mineral and stage");
        }
        if (imports.ContentBasis is null)
        {
            return Missing(imports, $"not computed: no catalogued HS code for {imports.MineralId} at this stage in {imports.Year}");
        }
        if (!Comparable(global.Basis, imports.ContentBasis))
        {
            return Missing(imports, $"not computed: production is in tonnes of {global.Basis} ({global.Key.Source}) and trade in tonnes of "
                + $"{imports.ContentBasis}; the two are not comparable");
        }
        double production;
        var upper = false;
        string productionText;
        var own = global.Shares.FirstOrDefault(s => s.Iso3 == perspective);
        if (global.Withheld.Contains(perspective))
        {
            return Missing(imports, $"not computed: {global.Key.Source} withholds {perspective}'s production ({global.Key.Year})");
        }
        if (own is not null)
        {
            production = own.Value;
            productionText = string.Create(inv, $"production {production:#,0} t ({global.Key.Source} {global.Key.Year})");
        }
        else if (global.Residual > 0)
        {
            production = 0;
            upper = true;
            productionText = string.Create(inv,
                $"production not listed by {global.Key.Source} {global.Key.Year} (taken as 0; any output is inside the {global.Residual:#,0} t of other countries)");
        }
        else
        {
            production = 0;
            productionText = $"production 0 ({global.Key.Source} {global.Key.Year} lists every producer and not {perspective})";
        }
        var exports = imports.Exports;
        string exportsText;
        if (exports is null)
        {
            upper = true;
            exportsText = $"exports not reported, taken as 0 ({imports.ExportsBasis})";
        }
        else
        {
            exportsText = string.Create(inv, $"exports {exports.Value:#,0} t ({imports.ExportsBasis})");
        }
        var net = imports.TotalImports - (exports ?? 0);
        var consumption = production + net;
        var inputs = string.Create(inv, $"{productionText}; imports {imports.TotalImports:#,0} t ({imports.Year}); {exportsText}; tonnes of {imports.ContentBasis}");
        if (consumption <= 0)
        {
            return new NetImportReliance(null, production, imports.TotalImports, exports, consumption, upper, false,
                $"not computed: apparent consumption (production + imports − exports) is {consumption.ToString("#,0", inv)} t, not positive; {inputs}");
        }
        var raw = net / consumption;
        var value = Math.Clamp(raw, 0, 1);
        var clipped = raw < 0 || raw > 1;
        var text = string.Create(inv, $"IR = (imports − exports) / (production + imports − exports) = {raw:0.###}")
            + (clipped ? string.Create(inv, $", clipped to {value:0.###} ({perspective} is a net exporter)") : "")
            + (upper ? " (an upper bound)" : "") + "; " + inputs;
        return new NetImportReliance(value, production, imports.TotalImports, exports, consumption, upper, clipped, text);
    }

    private static NetImportReliance Missing(ImportProfile imports, string basis) =>
        new(null, null, imports.TotalImports, imports.Exports, null, false, false, basis);

    /// <summary>True when a supply table's basis and a trade content basis measure the same thing: the same element's content (by symbol
    /// or name), Cheng's "contained element", or both phosphate rock.</summary>
    internal static bool Comparable(string supplyBasis, string tradeBasis)
    {
        var s = supplyBasis.ToLowerInvariant();
        var t = tradeBasis.ToLowerInvariant();
        if (s.Contains("rock", StringComparison.Ordinal) || t.Contains("rock", StringComparison.Ordinal))
        {
            return s.Contains("rock", StringComparison.Ordinal) && t.Contains("rock", StringComparison.Ordinal);
        }
        var symbol = t.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        if (!t.Contains("content", StringComparison.Ordinal) || !Elements.TryGetValue(symbol, out var name))
        {
            return false;
        }
        return s == "contained element" || s.StartsWith(symbol + " content", StringComparison.Ordinal) || s.Contains(name + " content", StringComparison.Ordinal);
    }
}
