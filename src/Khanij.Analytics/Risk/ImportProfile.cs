using Khanij.Core;

namespace Khanij.Analytics.Risk;

/// <summary>Where a country's imports of a mineral at a stage come from, in one year, from bilateral trade quantities.</summary>
/// <param name="Perspective">The importing country.</param>
/// <param name="MineralId">Catalogue mineral id.</param>
/// <param name="Stage">Stage the HS codes belong to (ores and concentrates: mining; chemicals and metals: refining).</param>
/// <param name="Year">Trade year used, or null when there is no trade data for this mineral and stage.</param>
/// <param name="YearsAvailable">Years with data for this mineral and stage.</param>
/// <param name="HsBasis">For each HS code used: which reports the figures come from (<c>importer</c>, <c>mirror</c> or <c>exporters</c>).</param>
/// <param name="TotalImports">Σ imports from named partner countries, tonnes of traded product (gross weight, summed over HS codes).</param>
/// <param name="Shares">Partner shares of <paramref name="TotalImports"/>, largest first.</param>
/// <param name="Hhi">Import-partner HHI, 0–10 000; null without imports.</param>
/// <param name="ShareFromPartners">Share of imports from countries with a <see cref="Core.Partners.PartnerLink"/> covering the mineral (0–1).</param>
/// <param name="PartnerBases">For each partner supplier: the bases of its links (<c>framework:MSP</c>, <c>registry</c> …).</param>
/// <param name="ShareFromRestricting">Share of imports from countries with an export restriction in force on the mineral at this stage (0–1).</param>
/// <param name="RestrictingSuppliers">Those countries, with the restriction ids.</param>
/// <param name="Exports">The perspective country's exports in the same codes and year (tonnes), or null when not reported.</param>
/// <param name="Notes">How the figures were chosen and what was skipped.</param>
/// <param name="Sources">Distinct "file (edition)" strings of the rows used.</param>
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
    IReadOnlyList<string> Sources)
{
    /// <summary>True when there are imports to describe.</summary>
    public bool HasImports => TotalImports > 0;

    /// <summary>Net imports (imports − exports) in tonnes of traded product; imports alone when exports are not reported.</summary>
    public double NetImports => TotalImports - (Exports ?? 0);
}
