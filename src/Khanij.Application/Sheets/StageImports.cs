using Khanij.Analytics.Risk;
using Khanij.Core;
using Khanij.Core.Facts;

namespace Khanij.Application.Sheets;

/// <summary>The country's imports of a mineral at a stage (ITC Trade Map), latest year, by partner: tonnes of contained mineral by the trade-code
/// catalogue's content factors, each flow once, by the rules of the risk view's import side (<see cref="ImportExposure"/>, docs/risk.md §4),
/// so ore and metal are never added as gross tonnes.</summary>
/// <param name="ContentBasis">What the tonnes are of, e.g. <c>Ni content</c>.</param>
/// <param name="HsCodes">The HS codes counted.</param>
/// <param name="Notes">What was left out (basket and scrap codes, headings, rows without tonnes) and which reports were used.</param>
internal sealed record StageImports(string MineralId, string Stage, int Year, double Tonnes, string? ContentBasis, IReadOnlyList<SheetPartner> Partners,
    string HsCodes, IReadOnlyList<string> Notes, string Source)
{
    /// <summary>The imports of <paramref name="iso3"/> for every mineral and stage the flows have, latest trade year each.</summary>
    /// <param name="trade">Trade flows of every reporter (the partners' reports stand in where the country reported nothing).</param>
    public static IReadOnlyList<StageImports> Of(IReadOnlyList<TradeFlow> trade, string iso3)
    {
        ArgumentNullException.ThrowIfNull(trade);
        var noRestrictions = new Dictionary<string, IReadOnlyList<ExportRestriction>>(StringComparer.Ordinal);
        return [.. trade.Where(f => f.ReporterIso3 == iso3 || f.PartnerIso3 == iso3)
            .Select(f => (f.MineralId, Stage: ImportExposure.StageOf(f))).Distinct()
            .Select(k => ImportExposure.Compute(trade.Where(f => f.MineralId == k.MineralId), iso3, k.MineralId, k.Stage, [], noRestrictions,
                RiskParameters.Default, Localization.Messages.Phrasebook))
            .Where(p => p.HasImports && p.Year is not null)
            .Select(p => new StageImports(p.MineralId, p.Stage.ToId(), p.Year!.Value, p.TotalImports, p.ContentBasis,
                [.. p.Shares.Select(x => new SheetPartner(x.Iso3, x.Value, x.Share))],
                string.Join(", ", p.Codes.Where(c => c.Counted).Select(c => c.HsCode)), p.Notes, string.Join("; ", p.Sources)))
            .OrderBy(i => i.MineralId, StringComparer.Ordinal).ThenBy(i => i.Stage, StringComparer.Ordinal)];
    }
}
