using System.Globalization;
using Khanij.Core;
using Khanij.Core.Facts;
using Khanij.Core.Partners;
using Khanij.Core.Text;

namespace Khanij.Analytics.Risk;

/// <summary>Import-side exposure of a country from bilateral trade quantities, in tonnes of contained mineral. Each flow is counted once:
/// for every HS code family (a heading with its subheadings, or a single code) the importer's own reports are used; where the importer
/// reported nothing for that family and year, ITC mirror data for the importer; failing that, the exporters' reports of exports to it.
/// Within one reporter's figures a heading is never counted with its own subheadings (the most detailed level is taken). Only codes of
/// the trade-code catalogue count, each converted with its content factor; basket codes and codes that include scrap are left out
/// unless <see cref="RiskParameters.IncludeBasketCodes"/>, and reported with their tonnage. Pure.</summary>
public static class ImportExposure
{
    private const string CatalogueFile = "data/catalogue/hs_codes.csv";

    /// <summary>The stage of an HS code that has no catalogue entry: chapters 25–26 (ores, concentrates) are mining; the rest refining.</summary>
    public static Stage StageOf(string hsCode)
    {
        ArgumentNullException.ThrowIfNull(hsCode);
        return hsCode.Length >= 2 && int.TryParse(hsCode.AsSpan(0, 2), out var chapter) && chapter <= 26 ? Stage.Mining : Stage.Refining;
    }

    /// <summary>The stage of a flow: its catalogue entry's stage, else <see cref="StageOf(string)"/>.</summary>
    public static Stage StageOf(TradeFlow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        return flow.Code?.Stage ?? StageOf(flow.HsCode);
    }

    /// <summary>Computes the import profile of <paramref name="perspective"/> for <paramref name="mineralId"/> at <paramref name="stage"/>.</summary>
    /// <param name="flows">Trade flows (any minerals; others are ignored), each with its catalogue entry in <see cref="TradeFlow.Code"/>.</param>
    /// <param name="perspective">Importing country (ISO3).</param>
    /// <param name="mineralId">Catalogue mineral id.</param>
    /// <param name="stage">Stage.</param>
    /// <param name="partners">Partner links: framework membership and, once accepted, registry partnerships.</param>
    /// <param name="restrictions">Export restrictions in force on the mineral at the stage, by restricting country.</param>
    /// <param name="parameters">Supplies <see cref="RiskParameters.TradeYear"/> and <see cref="RiskParameters.IncludeBasketCodes"/>.</param>
    /// <param name="phrases">The notes' language (messages <c>Imports_*</c>); <see cref="IPhrasebook.Keys"/> when null.</param>
    public static ImportProfile Compute(
        IEnumerable<TradeFlow> flows,
        string perspective,
        string mineralId,
        Stage stage,
        IReadOnlyList<PartnerLink> partners,
        IReadOnlyDictionary<string, IReadOnlyList<ExportRestriction>> restrictions,
        RiskParameters parameters,
        IPhrasebook? phrases = null)
    {
        ArgumentNullException.ThrowIfNull(flows);
        var say = phrases ?? IPhrasebook.Keys;
        ArgumentNullException.ThrowIfNull(partners);
        ArgumentNullException.ThrowIfNull(restrictions);
        ArgumentNullException.ThrowIfNull(parameters);
        var notes = new List<string>();
        var relevant = TradeFlowRows.OncePerFlow(flows.Where(f => f.MineralId == mineralId && StageOf(f) == stage), out var duplicates);
        var usable = relevant.Where(f => f.Unit == "t" && f.Quantity is not null && f.PartnerIso3 is not null).ToList();
        bool IsImport(TradeFlow f) =>
            f.PartnerIso3 is not null
            && ((f.ReporterIso3 == perspective && f.Flow == "import" && f.PartnerIso3 != perspective)
                || (f.ReporterIso3 != perspective && f.Flow == "export" && !f.IsMirror && f.PartnerIso3 == perspective));
        bool IsExport(TradeFlow f) =>
            f.PartnerIso3 is not null
            && ((f.ReporterIso3 == perspective && f.Flow == "export" && f.PartnerIso3 != perspective)
                || (f.ReporterIso3 != perspective && f.Flow == "import" && !f.IsMirror && f.PartnerIso3 == perspective));
        var importRows = usable.Where(IsImport).ToList();
        var years = importRows.Select(f => f.Year).Distinct().Order().ToList();
        var year = parameters.TradeYear ?? (years.Count > 0 ? years[^1] : null);
        if (year is null || !years.Contains(year.Value))
        {
            if (year is not null)
            {
                notes.Add(say.Format("Imports_NoYear", year, years.Count > 0 ? string.Join(", ", years) : say.Format("Imports_NoYears")));
            }
            return Empty(perspective, mineralId, stage, year, years, notes, say);
        }

        bool Counts(TradeCode? code) => code is not null && (code.Kind == TradeCodeKind.Specific || parameters.IncludeBasketCodes);
        var imports = Choose(importRows.Where(f => f.Year == year).ToList(), perspective, f => f.ReporterIso3 == perspective, out var droppedHeadings);
        var codes = new List<TradeCodeUse>();
        foreach (var g in imports.Rows.GroupBy(c => c.Row.HsCode, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var code = g.First().Row.Code;
            var gross = g.Sum(c => c.Row.Quantity!.Value);
            var counted = Counts(code);
            var reason = code is null ? "not in the trade-code catalogue"
                : counted ? ""
                : code.Kind == TradeCodeKind.Basket ? "basket code: it holds other products too"
                : "includes waste and scrap";
            codes.Add(new TradeCodeUse(g.Key, code?.Product ?? "not catalogued", code?.Kind.ToId() ?? "uncatalogued", code?.ContentFactor,
                code?.FactorBasis ?? "", gross, code is null ? null : gross * code.ContentFactor, counted, reason));
        }
        foreach (var (heading, subheadings, gross) in droppedHeadings)
        {
            codes.Add(new TradeCodeUse(heading, "heading of " + string.Join(", ", subheadings), "heading", null, "", gross, null, false,
                $"heading reported together with its subheadings {string.Join(", ", subheadings)}, which are counted instead"));
            notes.Add(say.Format("Imports_HeadingDropped", heading, gross, string.Join(say.Format("Imports_And"), subheadings)));
        }
        var chosen = imports.Rows.Where(c => Counts(c.Row.Code)).ToList();
        var hsBasis = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in chosen)
        {
            hsBasis[c.Row.HsCode] = imports.Basis[c.Row.HsCode];
        }
        if (hsBasis.Values.Any(b => b != "importer"))
        {
            notes.Add(say.Format("Imports_Mirror",
                string.Join(", ", hsBasis.Where(kv => kv.Value != "importer").Select(kv => $"{kv.Key} ({say.Format("Imports_Basis_" + kv.Value)})"))));
        }
        var leftOut = codes.Where(c => !c.Counted && c.Kind != "heading").ToList();
        if (leftOut.Count > 0)
        {
            notes.Add(say.Format(leftOut.Any(c => c.Kind is "basket" or "includes_scrap") ? "Imports_LeftOutBasket" : "Imports_LeftOut",
                string.Join("; ", leftOut.Select(c => c.ContainedTonnes is { } ct
                    ? say.Format("Imports_LeftOutCodeContained", c.HsCode, c.GrossTonnes, ct, LeftOutReason(c, say))
                    : say.Format("Imports_LeftOutCode", c.HsCode, c.GrossTonnes, LeftOutReason(c, say))))));
        }
        // Only rows that would have entered this profile (the perspective's imports in this year) are counted: rows of other
        // reporters, other years or the 'World' aggregate are not the perspective's missing data.
        var skippedUnits = relevant.Count(f => f.Year == year && (f.Unit != "t" || f.Quantity is null) && IsImport(f));
        if (skippedUnits > 0)
        {
            notes.Add(say.Format("Imports_SkippedUnits", skippedUnits, perspective, year));
        }
        var repeated = duplicates.Where(f => f.Year == year && IsImport(f)).ToList();
        if (repeated.Count > 0)
        {
            notes.Add(say.Format("Imports_Repeated", repeated.Count, repeated[0].Provenance.SourceFile, repeated[0].Provenance.Line));
        }
        var contentBasis = chosen.Select(c => c.Row.Code!.ContentBasis)
            .Concat(imports.Rows.Select(c => c.Row.Code?.ContentBasis).OfType<string>()).FirstOrDefault();
        if (chosen.Count > 0)
        {
            notes.Add(say.Format("Imports_Contained", contentBasis, CatalogueFile));
        }

        var byPartner = chosen.GroupBy(c => c.Partner, StringComparer.Ordinal)
            .Select(g => (Iso3: g.Key, Quantity: g.Sum(c => c.Row.ContainedTonnes!.Value), Rows: g.Select(c => c.Row).ToList()))
            .Where(p => p.Quantity > 0)
            .OrderByDescending(p => p.Quantity).ThenBy(p => p.Iso3, StringComparer.Ordinal).ToList();
        var shareValues = Concentration.Shares([.. byPartner.Select(p => p.Quantity)]);
        var shares = byPartner.Select((p, i) => new CountryShare(p.Iso3, p.Quantity, shareValues[i], p.Rows.Count == 1 ? p.Rows[0].Provenance : null)).ToList();
        var total = byPartner.Sum(p => p.Quantity);

        var partnerBases = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var partnerEvidence = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var s in shares)
        {
            var links = FrameworkPartners.Between(partners, perspective, s.Iso3, mineralId, stage);
            if (links.Count > 0)
            {
                partnerBases[s.Iso3] = [.. links.Select(l => l.Basis).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
                partnerEvidence[s.Iso3] = [.. links.Select(l => l.Describe()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            }
        }
        var restricting = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var s in shares.Where(s => restrictions.ContainsKey(s.Iso3)))
        {
            restricting[s.Iso3] = [.. restrictions[s.Iso3].Select(r => r.Id)];
        }

        var (exports, exportsBasis) = Exports(usable.Where(f => f.Year == year && IsExport(f) && Counts(f.Code)).ToList(), perspective, year.Value,
            hsBasis.Keys.ToHashSet(StringComparer.Ordinal));
        var sources = chosen.Select(c => $"{c.Row.Provenance.SourceFile} ({c.Row.Provenance.Edition})").Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count > 0)
        {
            sources.Add($"{CatalogueFile} (Khanij trade-code catalogue: content factors)");
        }
        return new ImportProfile(
            perspective, mineralId, stage, year, years, hsBasis, total, shares,
            Hhi: total > 0 ? Concentration.Hhi(shareValues) : null,
            ShareFromPartners: shares.Where(s => partnerBases.ContainsKey(s.Iso3)).Sum(s => s.Share),
            PartnerBases: partnerBases,
            ShareFromRestricting: shares.Where(s => restricting.ContainsKey(s.Iso3)).Sum(s => s.Share),
            RestrictingSuppliers: restricting,
            Exports: exports,
            Notes: notes,
            Sources: sources,
            ContentBasis: contentBasis,
            Codes: codes,
            ExportsBasis: exportsBasis,
            PartnerEvidence: partnerEvidence);
    }

    /// <summary>The perspective's exports in the counted codes, by the same fallback as imports (own reports, then mirror, then the
    /// importers' reports of imports from it). Null when no report covers any counted code: a missing export is unknown, not zero.</summary>
    private static (double? Tonnes, string Basis) Exports(List<TradeFlow> rows, string perspective, int year, IReadOnlySet<string> countedCodes)
    {
        if (rows.Count == 0)
        {
            return (null, $"no export figure for {perspective} in {year} in its own, mirror or partners' reports of the counted codes");
        }
        var chosen = Choose(rows, perspective, f => f.ReporterIso3 == perspective, out _);
        var tonnes = chosen.Rows.Sum(c => c.Row.ContainedTonnes ?? 0);
        var byBasis = chosen.Basis.GroupBy(kv => kv.Value switch { "importer" => "own reports", "mirror" => "mirror data", _ => "partners' import reports" })
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(kv => kv.Key).Order(StringComparer.Ordinal))}");
        var missing = countedCodes.Where(c => !chosen.Basis.ContainsKey(c)).Order(StringComparer.Ordinal).ToList();
        return (tonnes, $"{year}, " + string.Join("; ", byBasis)
            + (missing.Count > 0 ? $"; no export report for {string.Join(", ", missing)} (not counted)" : ""));
    }

    /// <summary>Per HS code family (a heading and its subheadings, or one code): the perspective's own reports, else mirror data, else the
    /// partners' reports. Within one reporter's figures, a heading reported with its subheadings is dropped.</summary>
    private static (List<(string Partner, TradeFlow Row)> Rows, Dictionary<string, string> Basis) Choose(
        List<TradeFlow> rows, string perspective, Func<TradeFlow, bool> isOwnReporter,
        out List<(string Heading, IReadOnlyList<string> Subheadings, double Gross)> droppedHeadings)
    {
        droppedHeadings = [];
        var headings = rows.Select(r => r.HsCode).Where(c => c.Length == 4).ToHashSet(StringComparer.Ordinal);
        string Family(string code) => code.Length > 4 && headings.Contains(code[..4]) ? code[..4] : code;
        var chosen = new List<(string Partner, TradeFlow Row)>();
        var basis = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var family in rows.GroupBy(r => Family(r.HsCode), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var own = family.Where(f => isOwnReporter(f) && !f.IsMirror).ToList();
            var mirror = family.Where(f => isOwnReporter(f) && f.IsMirror).ToList();
            var others = family.Where(f => !isOwnReporter(f)).ToList();
            var (name, picked) = own.Count > 0 ? ("importer", own) : mirror.Count > 0 ? ("mirror", mirror) : ("exporters", others);
            // A heading reported with its own subheadings by the same reporter is dropped: the shared rule of TradeFlowRows.MostDetailed.
            var kept = TradeFlowRows.MostDetailed(picked);
            if (kept.Count < picked.Count)
            {
                var keptSet = kept.ToHashSet(ReferenceEqualityComparer.Instance);
                var dropped = picked.Where(r => !keptSet.Contains(r)).ToList();
                var reporters = dropped.Select(r => (r.ReporterIso3, r.IsMirror)).ToHashSet();
                droppedHeadings.Add((family.Key,
                    [.. kept.Where(r => r.HsCode.Length > 4 && reporters.Contains((r.ReporterIso3, r.IsMirror))).Select(r => r.HsCode)
                        .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                    dropped.Sum(r => r.Quantity ?? 0)));
            }
            foreach (var r in kept)
            {
                basis[r.HsCode] = name;
                chosen.Add((r.ReporterIso3 == perspective ? r.PartnerIso3! : r.ReporterIso3, r));
            }
        }
        return (chosen, basis);
    }

    /// <summary>Why a code was left out, in the notes' language (the <see cref="TradeCodeUse.Reason"/> of the table stays as it is).</summary>
    private static string LeftOutReason(TradeCodeUse c, IPhrasebook say) => c.Kind switch
    {
        "uncatalogued" => say.Format("Imports_ReasonUncatalogued"),
        "basket" => say.Format("Imports_ReasonBasket"),
        _ => say.Format("Imports_ReasonScrap"),
    };

    private static ImportProfile Empty(string perspective, string mineralId, Stage stage, int? year, IReadOnlyList<int> years, List<string> notes,
        IPhrasebook say)
    {
        if (years.Count == 0)
        {
            // The mineral's name in running text: lower case in English ("rare earths"); Devanagari has no case.
            notes.Add(say.Format("Imports_NoTrade", say.Name(mineralId).ToLowerInvariant(), say.Name(stage.ToId())));
        }
        return new ImportProfile(perspective, mineralId, stage, year, years, new Dictionary<string, string>(), 0, [], null, 0,
            new Dictionary<string, IReadOnlyList<string>>(), 0, new Dictionary<string, IReadOnlyList<string>>(), null, notes, [], null, [],
            "no trade data", new Dictionary<string, IReadOnlyList<string>>());
    }
}
