using System.Globalization;
using Khanij.Core.Facts;

namespace Khanij.Analytics.Risk;

/// <summary>The recycling input a supply-risk score is multiplied by, as in the EU method: SR × (1 − EoL-RIR).</summary>
/// <param name="MineralId">Catalogue mineral.</param>
/// <param name="RatePercent">The rate applied, in percent (0–100), or null when UNEP prints no estimate (no factor is applied).</param>
/// <param name="Basis">Which printed estimate the rate is, and why (bound used, indicator chosen).</param>
/// <param name="EolRrRange">UNEP's end-of-life recycling rate as printed over all estimates (e.g. "58-63, 57"), empty when none.</param>
/// <param name="RcRange">UNEP's recycled content as printed over all estimates, empty when none.</param>
/// <param name="UsesBound">True when the rate is a printed bound ("&lt; 1") rather than an estimate.</param>
/// <param name="Sources">The studies UNEP cites for the estimate used, and the report's table and row.</param>
public sealed record RecyclingInput(
    string MineralId, double? RatePercent, string Basis, string EolRrRange, string RcRange, bool UsesBound, IReadOnlyList<string> Sources)
{
    /// <summary>The multiplier 1 − rate (1 when no rate is known).</summary>
    public double Factor => 1 - (RatePercent ?? 0) / 100;

    /// <summary>The estimate the rate is (null when none): its indicator (<see cref="RecyclingFactor.EolRr"/> or <see cref="RecyclingFactor.Rc"/>),
    /// element and entry as printed, and its qualifier (<c>less than</c>, <c>greater than</c> for a bound), so that a host can word
    /// <see cref="Basis"/> in another language. Not written out (the basis says it).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public RecyclingRate? Estimate { get; init; }

    /// <summary>The estimate used as UNEP prints it (e.g. <c>32d</c>, footnote letters included), quoted in <see cref="Basis"/>; null when none.
    /// A host shows it as the publisher's notation, untranslated.</summary>
    public string? EntryAsPrinted => Estimate?.EntryAsPrinted;
}

/// <summary>Derives the recycling input of a mineral from UNEP IRP (2011) estimates. Pure.</summary>
/// <remarks>The EU method uses the end-of-life recycling input rate (EoL-RIR: old scrap as a share of all metal input). UNEP prints two
/// related indicators, both upper bounds of it: recycled content (RC, an input share that also counts new scrap) and the end-of-life
/// recycling rate (EOL-RR, an output share, which exceeds the input share while demand grows). The rate used is therefore the smaller
/// of the lowest printed RC and the lowest printed EOL-RR; for a group (rare earths, PGMs) the lowest over its elements. A printed
/// bound ("&lt; 1", "&gt; 50") is used as the value and flagged.</remarks>
public static class RecyclingFactor
{
    /// <summary>UNEP's indicator code for the end-of-life recycling rate.</summary>
    public const string EolRr = "EOL-RR";

    /// <summary>UNEP's indicator code for recycled content.</summary>
    public const string Rc = "RC";

    /// <summary>The recycling input for <paramref name="mineralId"/> from its UNEP estimates (other minerals' rows are ignored).</summary>
    public static RecyclingInput For(string mineralId, IEnumerable<RecyclingRate> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var rows = rates.Where(r => r.MineralId == mineralId && r.Qualifier != "blank cell (no estimate)").ToList();
        var eol = rows.Where(r => r.Indicator == EolRr).ToList();
        var rc = rows.Where(r => r.Indicator == Rc).ToList();
        var candidates = eol.Concat(rc).Select(r => (Row: r, Value: Lowest(r))).Where(c => c.Value is not null).ToList();
        if (candidates.Count == 0)
        {
            return new RecyclingInput(mineralId, null, "UNEP (2011) prints no end-of-life recycling rate or recycled content for this mineral; "
                + "no recycling factor is applied (as if 0 %).", Range(eol), Range(rc), false, []);
        }
        var best = candidates.OrderBy(c => c.Value).ThenBy(c => c.Row.Provenance.Line).First();
        var bound = best.Row.Qualifier is "less than" or "greater than";
        var inv = CultureInfo.InvariantCulture;
        var what = best.Row.Indicator == EolRr ? "end-of-life recycling rate (EOL-RR)" : "recycled content (RC)";
        var basis = string.Format(inv, "{0:0.##} %: the lowest UNEP (2011) estimate among RC and EOL-RR, both upper bounds of the EU's EoL-RIR; "
            + "here the {1} of {2} printed as '{3}'{4}", best.Value, what, best.Row.Element, best.Row.EntryAsPrinted,
            bound ? $" — a bound, used as the value ({(best.Row.Qualifier == "less than" ? "the true rate is lower" : "the true rate is higher")})" : "");
        return new RecyclingInput(mineralId, best.Value, basis, Range(eol), Range(rc), bound,
            [$"{best.Row.EstimateSource} (UNEP IRP 2011, {best.Row.Provenance.SourceFile}:{best.Row.Provenance.Line})"])
        { Estimate = best.Row };
    }

    /// <summary>Applies the factor: <paramref name="score"/> × (1 − rate).</summary>
    public static double Apply(double score, RecyclingInput? recycling) => recycling is null ? score : score * recycling.Factor;

    /// <summary>The lowest value an estimate allows: its low end, or for "&lt; x" the bound x (no lower value is printed).</summary>
    private static double? Lowest(RecyclingRate r) => r.Low ?? r.High;

    private static string Range(IReadOnlyList<RecyclingRate> rows) =>
        string.Join(", ", rows.Select(r => $"{r.Element} {r.EntryAsPrinted}".Trim()));
}
