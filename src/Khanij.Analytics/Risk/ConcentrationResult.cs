namespace Khanij.Analytics.Risk;

/// <summary>Concentration of one supply table (a mineral at a stage in a year from one source, one measure).
/// Shares are fractions of <see cref="Denominator"/>: the publisher's exact total when it prints one (IEA, Cheng et al.; the part not
/// allocated to a listed country is the residual), otherwise the sum of every country row plus the aggregate rows ("Other", "Rest of
/// world", region rows). A rounded world total (USGS) is shown in <see cref="PublishedTotal"/>, never used as the denominator.
/// HHI and top-N shares are taken over the named countries only, so the residual lowers them rather than counting as one producer.</summary>
/// <param name="Key">Which table.</param>
/// <param name="Measure">The source's measure, e.g. <c>mine production</c>.</param>
/// <param name="Unit">Unit of the values.</param>
/// <param name="Basis">What the quantities are of (REO, Li content …).</param>
/// <param name="Shares">Named countries with a known value, largest first (ties by ISO3).</param>
/// <param name="Residual">Quantity not attributed to a named country (≥ 0).</param>
/// <param name="ResidualBasis">How <paramref name="Residual"/> was obtained: <c>not allocated (published exact total minus countries)</c>,
/// <c>aggregate rows</c> or <c>none</c>.</param>
/// <param name="Denominator">Σ named countries + residual; the world total the shares refer to.</param>
/// <param name="PublishedTotal">The source's own world total, when it prints one (exact or rounded, see <see cref="PublishedTotalIsExact"/>); null otherwise.</param>
/// <param name="Withheld">Countries listed with no value (USGS "W", "NA"): reported, never filled, not in the denominator.</param>
/// <param name="Hhi">Herfindahl–Hirschman index, 0–10 000, over named countries; null when the denominator is 0.</param>
/// <param name="HhiAmongNamed">HHI with shares renormalised over named countries only (the residual ignored); an upper bound.</param>
/// <param name="Top1Iso3">Largest producer, or null.</param>
/// <param name="Top1Share">Share of the largest producer (0–1), or null.</param>
/// <param name="Top3Share">Share of the three largest producers (0–1), or null.</param>
/// <param name="CoverageWithoutTop1">Share of world supply the others still deliver if the largest is removed: 1 − top-1 share.</param>
/// <param name="Producers">Named countries with a positive value.</param>
/// <param name="Sources">Distinct "file (edition)" strings of the rows used, for provenance.</param>
/// <param name="Notes">Caveats that apply to this table (units, projections, withheld data, residual handling).</param>
public sealed record ConcentrationResult(
    SupplyKey Key,
    string Measure,
    string Unit,
    string Basis,
    IReadOnlyList<CountryShare> Shares,
    double Residual,
    string ResidualBasis,
    double Denominator,
    double? PublishedTotal,
    IReadOnlyList<string> Withheld,
    double? Hhi,
    double? HhiAmongNamed,
    string? Top1Iso3,
    double? Top1Share,
    double? Top3Share,
    double? CoverageWithoutTop1,
    int Producers,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Notes)
{
    /// <summary>True when <see cref="Denominator"/> is the publisher's exact total (and <see cref="Residual"/> is the part not allocated to a
    /// listed country); false when it is the sum of the rows.</summary>
    public bool PublishedTotalIsExact { get; init; }

    /// <summary>Σ country rows + Σ aggregate rows ("Other", "Rest of world", regions), shown beside a published total.</summary>
    public double RowsSum { get; init; }

    /// <summary>The notes of <see cref="Notes"/> that restate what the table itself shows (withheld countries, unattributed aggregate rows), in
    /// the notes' language: a report that tables these leaves them out (marked here, not recognised by their wording).</summary>
    public IReadOnlyList<string> TabledNotes { get; init; } = [];

    /// <summary>The same source's capacity table for this mineral, stage and year (e.g. USGS gallium "production capacity"), shown beside
    /// production and never added to it; null when the source prints none.</summary>
    public ConcentrationResult? Capacity { get; init; }

    /// <summary>Share of the residual in the denominator (0–1), 0 when the denominator is 0.</summary>
    public double ResidualShare => Denominator > 0 ? Residual / Denominator : 0;

    /// <summary>The share of <paramref name="iso3"/>, or 0 when it is not a named producer.</summary>
    public double ShareOf(string iso3) => Shares.FirstOrDefault(s => s.Iso3 == iso3)?.Share ?? 0;
}
