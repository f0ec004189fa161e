using Khanij.Core.Facts;

namespace Khanij.Analytics.Risk;

/// <summary>One row per trade flow. ITC files can list one reporter under two spellings (e.g. 'Zambia' and 'Zambia (1)'); both resolve to
/// the same ISO3 and repeat the same figures, so summing them would double the flow. The store's importer already keeps such a flow
/// once; this keeps the analytics right for trade rows that come from anywhere else.</summary>
internal static class TradeFlowRows
{
    /// <summary>Keeps the first row (in input order) of each flow: HS code × reporter × partner × direction × mirror × year.</summary>
    /// <param name="flows">Trade rows.</param>
    /// <param name="duplicates">The rows left out, in input order.</param>
    public static List<TradeFlow> OncePerFlow(IEnumerable<TradeFlow> flows, out List<TradeFlow> duplicates)
    {
        var seen = new HashSet<(string, string, string?, string?, string, bool, int)>();
        var kept = new List<TradeFlow>();
        duplicates = [];
        foreach (var f in flows)
        {
            (seen.Add((f.HsCode, f.ReporterIso3, f.PartnerIso3, f.PartnerAggregate, f.Flow, f.IsMirror, f.Year)) ? kept : duplicates).Add(f);
        }
        return kept;
    }

    /// <summary>Drops a heading's rows (4-digit code) where the same reporter, direction, mirror flag and year also reports subheadings of
    /// it, so that a heading is never counted with its own subheadings (the most detailed level is taken).</summary>
    public static List<TradeFlow> MostDetailed(IEnumerable<TradeFlow> flows)
    {
        var list = flows.ToList();
        var withSubheadings = list.Where(f => f.HsCode.Length > 4)
            .Select(f => (f.HsCode[..4], f.ReporterIso3, f.Flow, f.IsMirror, f.Year)).ToHashSet();
        return [.. list.Where(f => f.HsCode.Length != 4 || !withSubheadings.Contains((f.HsCode, f.ReporterIso3, f.Flow, f.IsMirror, f.Year)))];
    }
}
