using Khanij.Core;

namespace Khanij.Analytics.Risk;

/// <summary>Where a country's imports of a mineral at a stage come from, in one year, in tonnes of contained mineral.</summary>
/// <param name="Perspective">The importing country.</param>
/// <param name="MineralId">Catalogue mineral id.</param>
/// <param name="Stage">Stage the HS codes belong to (from the trade-code catalogue).</param>
/// <param name="Year">Trade year used, or null when there is no trade data for this mineral and stage.</param>
/// <param name="YearsAvailable">Years with import data for this mineral and stage.</param>
/// <param name="HsBasis">For each HS code counted: which reports the figures come from (<c>importer</c>, <c>mirror</c> or <c>exporters</c>).</param>
/// <param name="TotalImports">Σ imports from named partner countries, tonnes of contained mineral (see <paramref name="ContentBasis"/>), counted codes only.</param>
/// <param name="Shares">Partner shares of <paramref name="TotalImports"/>, largest first; <see cref="CountryShare.Value"/> is contained tonnes.</param>
/// <param name="Hhi">Import-partner HHI, 0–10 000; null without imports.</param>
/// <param name="ShareFromPartners">Share of imports from countries with a <see cref="Core.Partners.PartnerLink"/> covering the mineral (0–1).</param>
/// <param name="PartnerBases">For each partner supplier: the bases of its links (<c>framework:MSP</c>, <c>registry</c> …).</param>
/// <param name="ShareFromRestricting">Share of imports from countries with an export restriction in force on the mineral at this stage (0–1).</param>
/// <param name="RestrictingSuppliers">Those countries, with the restriction ids.</param>
/// <param name="Exports">The perspective country's exports in the same counted codes and year, tonnes of contained mineral, or null when no
/// report (its own, mirror, or its partners' imports from it) covers them.</param>
/// <param name="Notes">How the figures were chosen and what was left out.</param>
/// <param name="Sources">Distinct "file (edition)" strings of the rows used.</param>
/// <param name="ContentBasis">What the tonnes are of (e.g. <c>Li content</c>), from the trade-code catalogue; null without codes.</param>
/// <param name="Codes">Every HS code met for this mineral, stage and year, counted or not, with gross and contained tonnes.</param>
/// <param name="ExportsBasis">Which reports the exports come from, per code, or why there are none.</param>
public sealed record ImportProfile(
    string Perspective,
    string MineralId,
    Stage Stage,
    int? Year,
    IReadOnlyList<int> YearsAvailable,
    IReadOnlyDictionary<string, string> HsBasis,
    double TotalImports,
    IReadOnlyList<CountryShare> Shares,
    double? Hhi,
    double ShareFromPartners,
    IReadOnlyDictionary<string, IReadOnlyList<string>> PartnerBases,
    double ShareFromRestricting,
    IReadOnlyDictionary<string, IReadOnlyList<string>> RestrictingSuppliers,
    double? Exports,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> Sources,
    string? ContentBasis,
    IReadOnlyList<TradeCodeUse> Codes,
    string ExportsBasis)
{
    /// <summary>True when there are imports to describe.</summary>
    public bool HasImports => TotalImports > 0;

    /// <summary>Tonnes of contained mineral in the codes left out (basket, scrap, uncatalogued), as imported from named partners.</summary>
    public double LeftOutContainedTonnes => Codes.Where(c => !c.Counted).Sum(c => c.ContainedTonnes ?? 0);
}
