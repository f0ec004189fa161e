using Khanij.Analytics.Risk;
using Khanij.Core.Text;
using Khanij.Core;
using Khanij.Core.Facts;

namespace Khanij.Analytics.Diversify;

/// <summary>What each country exports of a mineral at a stage in a year, from bilateral trade quantities (tonnes of contained mineral over
/// the HS codes the import profile counts, converted with the trade-code catalogue's content factors). Per HS code: the exporter's own report of exports to the world; else ITC mirror data for it; else the sum of what
/// the other reporters say they imported from it. The basis is stated per country. Pure.</summary>
public static class ExportCapacity
{
    /// <summary>Exports by country (tonnes) with their basis.</summary>
    /// <param name="flows">Trade flows with their catalogue entries.</param>
    /// <param name="mineralId">Mineral.</param>
    /// <param name="stage">Stage.</param>
    /// <param name="year">Trade year.</param>
    /// <param name="codes">HS codes to count (those the import profile counts).</param>
    /// <param name="phrases">The message catalogue for the bases, in the reader's language; null gives message keys only.</param>
    public static IReadOnlyDictionary<string, (double Tonnes, string Basis)> Compute(IEnumerable<TradeFlow> flows, string mineralId, Stage stage, int year,
        IReadOnlyCollection<string> codes, IPhrasebook? phrases = null)
    {
        var say = phrases ?? IPhrasebook.Keys;
        ArgumentNullException.ThrowIfNull(flows);
        ArgumentNullException.ThrowIfNull(codes);
        var rows = TradeFlowRows.OncePerFlow(flows.Where(f => f.MineralId == mineralId && f.Year == year && f.ContainedTonnes is not null
            && codes.Contains(f.HsCode) && ImportExposure.StageOf(f) == stage), out _);
        var result = new Dictionary<string, (double, string)>(StringComparer.Ordinal);
        var exporters = rows.Where(f => f.Flow == "export").Select(f => f.ReporterIso3)
            .Concat(rows.Where(f => f.Flow == "import" && f.PartnerIso3 is not null).Select(f => f.PartnerIso3!))
            .Distinct(StringComparer.Ordinal);
        foreach (var country in exporters)
        {
            var total = 0.0;
            var bases = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var hs in rows.Select(f => f.HsCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var own = rows.Where(f => f.HsCode == hs && f.ReporterIso3 == country && f.Flow == "export" && f.PartnerAggregate == "world_total").ToList();
                var reported = own.Where(f => !f.IsMirror).ToList();
                var chosen = reported.Count > 0 ? (reported, say.Format("Div_OwnReport")) : own.Count > 0 ? (own, say.Format("Div_MirrorData")) : (
                    rows.Where(f => f.HsCode == hs && f.Flow == "import" && f.PartnerIso3 == country && f.ReporterIso3 != country && !f.IsMirror).ToList(),
                    say.Format("Div_ImportersReports"));
                if (chosen.Item1.Count == 0)
                {
                    continue;
                }
                total += chosen.Item1.Sum(f => f.ContainedTonnes!.Value);
                bases.Add($"{hs} {chosen.Item2}");
            }
            if (total > 0)
            {
                result[country] = (total, say.Format("Div_ExportBasis", year, string.Join(", ", bases)));
            }
        }
        return result;
    }
}
