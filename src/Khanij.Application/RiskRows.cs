using System.Globalization;
using Khanij.Analytics.Risk;
using Khanij.Application.Services;
using Khanij.Core;

namespace Khanij.Application;

/// <summary>Builds the rows of <c>khanij risk --json</c>, <c>/api/risk</c> and the brief from the analytics' results, so all give the same fields.</summary>
internal static class RiskRows
{
    public static RiskRow From(PerspectiveStage stage, PartnerSet partners, double? publishedTop3)
    {
        var r = stage.Risk;
        var t = stage.World;
        var e = stage.Exposure;
        var imports = r.Imports is { } i
            ? new RiskImports(i.Year, i.TotalImports, i.Hhi, Ordered(i.Shares), i.ShareFromPartners, i.PartnerBases, i.ShareFromRestricting, i.HsBasis, i.Notes,
                i.ContentBasis, i.Shares.ToDictionary(s => s.Iso3, s => s.Value, StringComparer.Ordinal), i.Exports, i.ExportsBasis,
                [.. i.Codes.Select(c => new RiskTradeCode(c.HsCode, c.Product, c.Kind, c.ContentFactor, c.FactorBasis, c.GrossTonnes, c.ContainedTonnes, c.Counted, c.Reason))],
                i.LeftOutContainedTonnes, i.Sources, i.PartnerEvidence)
            : null;
        var n = r.Reliance;
        var restricted = r.RestrictingProducers;
        var exposure = new RiskExposure(
            stage.ExcludesOwnOutput
                ? string.Format(CultureInfo.InvariantCulture, "world supply without {0}'s own output ({1:0.#} % of world, domestic supply)",
                    r.Perspective, 100 * stage.Domestic!.Share)
                : $"world supply ({r.Perspective} is not a producer in this table)",
            e.Denominator, e.Hhi, e.Top1Iso3, e.Top1Share, e.Top3Share, e.CoverageWithoutTop1);
        return new RiskRow(
            t.Key.MineralId, t.Key.Stage.ToId(), t.Key.Year, t.Key.Source, t.Key.Scenario, t.Measure, t.Unit, t.Basis,
            Vintage(t, r.Imports?.Year, r.GlobalGovernance.WgiYear),
            t.Hhi, t.HhiAmongNamed, t.Top1Iso3, t.Top1Share, t.Top3Share, publishedTop3, t.CoverageWithoutTop1, t.Producers,
            Ordered(t.Shares), t.ResidualShare, t.ResidualBasis, t.Denominator, t.PublishedTotal, t.Withheld,
            r.Perspective, stage.Domestic?.Share, exposure,
            r.GlobalGovernance.HhiWgi, r.GlobalGovernance.HhiWgiT, r.GlobalGovernance.WgiYear, r.GlobalGovernance.MissingWgi,
            r.RestrictedShare, restricted.ToDictionary(x => x.Iso3, x => x.RestrictionIds, StringComparer.Ordinal),
            r.Score, r.Formula, r.ImportReliance, r.ImportRelianceBasis, imports, partners.For(t.Key.MineralId, t.Key.Stage),
            new RiskProvenance(t.Sources, t.Shares.Where(s => s.Provenance is not null)
                .ToDictionary(s => s.Iso3, s => $"{s.Provenance!.SourceFile}:{s.Provenance.Line}", StringComparer.Ordinal)),
            t.Notes,
            new RiskReliance(n.Value, n.Production, n.Imports, n.Exports, n.ApparentConsumption, n.IsUpperBound, n.Clipped, n.Basis),
            r.IsMaterial, r.MinorSuppliers, r.MaterialityBasis, r.Recycling);
    }

    /// <summary>The vintages a row combines, named in one label.</summary>
    public static RiskVintage Vintage(ConcentrationResult table, int? tradeYear, int? wgiYear)
    {
        var k = table.Key;
        var label = $"{SourceName(k.Source)} {k.Year} {(k.Scenario is null ? "supply" : $"supply projection ({k.Scenario})")}"
            + (tradeYear is { } ty ? $" · {ty} trade" : "")
            + (wgiYear is { } wy ? $" · WGI {wy}" : "");
        return new RiskVintage(k.Source, k.Year, k.Scenario, tradeYear, wgiYear, label);
    }

    /// <summary>The publisher's name for a supply source id.</summary>
    public static string SourceName(string source) => source switch
    {
        "cheng2020" => "Cheng et al. 2020",
        "usgs2024" => "USGS (MCS 2024)",
        "usgs" => "USGS (MCS 2026)",
        "iea" => "IEA (Outlook 2025)",
        _ => source.ToUpperInvariant(),
    };

    private static Dictionary<string, double> Ordered(IReadOnlyList<CountryShare> shares)
    {
        var d = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var s in shares)
        {
            d[s.Iso3] = s.Share;
        }
        return d;
    }
}
