using Khanij.Core;
using Khanij.Core.Facts;
using Khanij.Core.Partners;

namespace Khanij.Analytics.Risk;

/// <summary>Import-side exposure of a country from bilateral trade quantities. Each flow is counted once: for every HS code the importer's
/// own reports are used; where the importer reported nothing for that code and year, ITC mirror data for the importer; failing that, the
/// exporters' reports of exports to it. Both directions are never added. Only quantities in tonnes and named partner countries count. Pure.</summary>
public static class ImportExposure
{
    /// <summary>The stage an HS code belongs to: chapters 25–26 (ores, concentrates, mineral substances) are mining; chemicals
    /// (ch. 28) and metals (ch. 75, 81) are refining.</summary>
    public static Stage StageOf(string hsCode)
    {
        ArgumentNullException.ThrowIfNull(hsCode);
        return hsCode.Length >= 2 && int.TryParse(hsCode.AsSpan(0, 2), out var chapter) && chapter <= 26 ? Stage.Mining : Stage.Refining;
    }

    /// <summary>Computes the import profile of <paramref name="perspective"/> for <paramref name="mineralId"/> at <paramref name="stage"/>.</summary>
    /// <param name="flows">Trade flows (any minerals; others are ignored).</param>
    /// <param name="perspective">Importing country (ISO3).</param>
    /// <param name="mineralId">Catalogue mineral id.</param>
    /// <param name="stage">Stage (see <see cref="StageOf"/>).</param>
    /// <param name="partners">Partner links: framework membership and, once accepted, registry partnerships.</param>
    /// <param name="restrictions">Export restrictions in force on the mineral at the stage, by restricting country.</param>
    /// <param name="parameters">Supplies <see cref="RiskParameters.TradeYear"/>.</param>
    public static ImportProfile Compute(
        IEnumerable<TradeFlow> flows,
        string perspective,
        string mineralId,
        Stage stage,
        IReadOnlyList<PartnerLink> partners,
        IReadOnlyDictionary<string, IReadOnlyList<ExportRestriction>> restrictions,
        RiskParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(flows);
        ArgumentNullException.ThrowIfNull(partners);
        ArgumentNullException.ThrowIfNull(restrictions);
        ArgumentNullException.ThrowIfNull(parameters);
        var notes = new List<string>();
        var relevant = TradeFlowRows.OncePerFlow(flows.Where(f => f.MineralId == mineralId && StageOf(f.HsCode) == stage), out var duplicates);
        var usable = relevant.Where(f => f.Unit == "t" && f.Quantity is not null && f.PartnerIso3 is not null).ToList();
        bool IsImportOfPerspective(TradeFlow f) =>
            f.PartnerIso3 is not null
            && ((f.ReporterIso3 == perspective && f.Flow == "import" && f.PartnerIso3 != perspective)
                || (f.ReporterIso3 != perspective && f.Flow == "export" && !f.IsMirror && f.PartnerIso3 == perspective));
        var importRows = usable.Where(IsImportOfPerspective).ToList();
        var years = importRows.Select(f => f.Year).Distinct().Order().ToList();
        var year = parameters.TradeYear ?? (years.Count > 0 ? years[^1] : null);
        if (year is null || !years.Contains(year.Value))
        {
            if (year is not null)
            {
                notes.Add($"No import data for {year}; years with data: {(years.Count > 0 ? string.Join(", ", years) : "none")}.");
            }
            return Empty(perspective, mineralId, stage, year, years, notes);
        }

        var hsBasis = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var chosen = new List<(string Partner, double Quantity, TradeFlow Row)>();
        foreach (var hs in importRows.Where(f => f.Year == year).GroupBy(f => f.HsCode).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var own = hs.Where(f => f.ReporterIso3 == perspective && !f.IsMirror).ToList();
            var mirror = hs.Where(f => f.ReporterIso3 == perspective && f.IsMirror).ToList();
            var exporters = hs.Where(f => f.ReporterIso3 != perspective).ToList();
            var (basis, rows) = own.Count > 0 ? ("importer", own) : mirror.Count > 0 ? ("mirror", mirror) : ("exporters", exporters);
            hsBasis[hs.Key] = basis;
            chosen.AddRange(rows.Select(r => (basis == "exporters" ? r.ReporterIso3 : r.PartnerIso3!, r.Quantity!.Value, r)));
        }
        if (hsBasis.Values.Any(b => b != "importer"))
        {
            notes.Add("Where the importer reported nothing for an HS code, partner (mirror) reports were used: "
                + string.Join(", ", hsBasis.Where(kv => kv.Value != "importer").Select(kv => $"{kv.Key} ({kv.Value})")) + ".");
        }
        // Only rows that would have entered this profile (the perspective's imports in this year) are counted: rows of other
        // reporters, other years or the 'World' aggregate are not the perspective's missing data.
        var skippedUnits = relevant.Count(f => f.Year == year && (f.Unit != "t" || f.Quantity is null) && IsImportOfPerspective(f));
        if (skippedUnits > 0)
        {
            notes.Add($"{skippedUnits} of {perspective}'s {year} import rows without a quantity in tonnes were skipped.");
        }
        var repeated = duplicates.Where(f => f.Year == year && IsImportOfPerspective(f)).ToList();
        if (repeated.Count > 0)
        {
            notes.Add($"{repeated.Count} repeated rows (the same flow listed twice in the source, e.g. "
                + $"{repeated[0].Provenance.SourceFile}:{repeated[0].Provenance.Line}) were counted once.");
        }
        notes.Add("Quantities are tonnes of traded product (gross weight) summed over HS codes, not contained metal.");

        var byPartner = chosen.GroupBy(c => c.Partner, StringComparer.Ordinal)
            .Select(g => (Iso3: g.Key, Quantity: g.Sum(c => c.Quantity), Rows: g.Select(c => c.Row).ToList()))
            .Where(p => p.Quantity > 0)
            .OrderByDescending(p => p.Quantity).ThenBy(p => p.Iso3, StringComparer.Ordinal).ToList();
        var shareValues = Concentration.Shares([.. byPartner.Select(p => p.Quantity)]);
        var shares = byPartner.Select((p, i) => new CountryShare(p.Iso3, p.Quantity, shareValues[i], p.Rows.Count == 1 ? p.Rows[0].Provenance : null)).ToList();
        var total = byPartner.Sum(p => p.Quantity);

        var partnerBases = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var s in shares)
        {
            var links = FrameworkPartners.Between(partners, perspective, s.Iso3, mineralId);
            if (links.Count > 0)
            {
                partnerBases[s.Iso3] = [.. links.Select(l => l.Basis).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            }
        }
        var restricting = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var s in shares.Where(s => restrictions.ContainsKey(s.Iso3)))
        {
            restricting[s.Iso3] = [.. restrictions[s.Iso3].Select(r => r.Id)];
        }

        var exportRows = usable.Where(f => f.Year == year && f.ReporterIso3 == perspective && f.Flow == "export" && f.PartnerIso3 != perspective).ToList();
        var ownExports = exportRows.Where(f => !f.IsMirror).ToList();
        var exportsUsed = ownExports.Count > 0 ? ownExports : exportRows;
        double? exports = exportsUsed.Count > 0 ? exportsUsed.Sum(f => f.Quantity!.Value) : null;

        return new ImportProfile(
            perspective, mineralId, stage, year, years, hsBasis, total, shares,
            Hhi: total > 0 ? Concentration.Hhi(shareValues) : null,
            ShareFromPartners: shares.Where(s => partnerBases.ContainsKey(s.Iso3)).Sum(s => s.Share),
            PartnerBases: partnerBases,
            ShareFromRestricting: shares.Where(s => restricting.ContainsKey(s.Iso3)).Sum(s => s.Share),
            RestrictingSuppliers: restricting,
            Exports: exports,
            Notes: notes,
            Sources: [.. chosen.Select(c => $"{c.Row.Provenance.SourceFile} ({c.Row.Provenance.Edition})").Distinct(StringComparer.Ordinal)]);
    }

    private static ImportProfile Empty(string perspective, string mineralId, Stage stage, int? year, IReadOnlyList<int> years, List<string> notes)
    {
        if (years.Count == 0)
        {
            notes.Add($"No trade data for {mineralId} at the {stage.ToId()} stage (the pack covers Li, Ni, Co, Mn and P HS codes only).");
        }
        return new ImportProfile(perspective, mineralId, stage, year, years, new Dictionary<string, string>(), 0, [], null, 0,
            new Dictionary<string, IReadOnlyList<string>>(), 0, new Dictionary<string, IReadOnlyList<string>>(), null, notes, []);
    }
}
