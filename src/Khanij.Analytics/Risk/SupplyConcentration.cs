using Khanij.Core;
using Khanij.Core.Facts;
using Khanij.Core.Text;

namespace Khanij.Analytics.Risk;

/// <summary>Builds <see cref="ConcentrationResult"/>s from supply facts. Aggregate rows never enter a country share. Pure and thread-safe.</summary>
public static class SupplyConcentration
{
    private static readonly string[] TotalKinds = ["world_total", "total"];

    /// <summary>The aggregate kind of a publisher's exact total (IEA "Total", Cheng et al. "Total"). A <c>world_total</c> row (USGS
    /// "World total (rounded)") is rounded and never becomes the denominator.</summary>
    public const string ExactTotalKind = "total";

    /// <summary>Relative gap (0.1 %) below which two totals count as equal.</summary>
    private const double Tolerance = 0.001;

    /// <summary>Groups facts into tables (source × mineral × stage × year × scenario × measure) and computes each, ordered by mineral,
    /// stage, year, source. Production tables are returned; a capacity table of the same source, mineral, stage, year and scenario is
    /// attached to each of them as <see cref="ConcentrationResult.Capacity"/> (shown beside, never summed in). A capacity table with no
    /// production table beside it is returned on its own.</summary>
    /// <param name="facts">Supply facts.</param>
    /// <param name="phrases">The notes' language (messages <c>Supply_*</c>); <see cref="IPhrasebook.Keys"/> when null.</param>
    public static IReadOnlyList<ConcentrationResult> ComputeAll(IEnumerable<SupplyFact> facts, IPhrasebook? phrases = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var say = phrases ?? IPhrasebook.Keys;
        var results = new List<ConcentrationResult>();
        foreach (var table in facts.GroupBy(f => (f.Source, f.MineralId, f.Stage, f.Year, f.Scenario)))
        {
            var byMeasure = table.GroupBy(f => f.Measure, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Compute(g.ToList(), say))
                .ToList();
            var production = byMeasure.Where(r => !r.Key.IsCapacity).ToList();
            var capacity = byMeasure.Where(r => r.Key.IsCapacity).ToList();
            if (production.Count == 0)
            {
                results.AddRange(capacity);
                continue;
            }
            foreach (var p in production)
            {
                if (capacity.Count == 0)
                {
                    results.Add(p);
                    continue;
                }
                var c = capacity[0];
                var note = say.Format("Supply_AlsoCapacity", c.Key.Measure, c.Denominator, c.Unit, c.Top1Iso3 ?? say.Format("Supply_NoProducer"),
                    c.Top1Share ?? 0);
                results.Add(p with { Notes = [.. p.Notes, note], Capacity = c });
            }
        }
        return [.. results
            .OrderBy(r => r.Key.MineralId, StringComparer.Ordinal)
            .ThenBy(r => r.Key.Stage)
            .ThenBy(r => r.Key.Year)
            .ThenBy(r => r.Key.Source, StringComparer.Ordinal)
            .ThenBy(r => r.Key.Scenario ?? "", StringComparer.Ordinal)
            .ThenBy(r => r.Key.Measure, StringComparer.Ordinal)];
    }

    /// <summary>Computes the concentration of one table.
    /// Denominator: the publisher's exact total (<see cref="ExactTotalKind"/>) when the table has one and it is not below the listed
    /// countries; the residual is then "not allocated" = exact total − Σ countries. Otherwise the sum of the rows (countries + "Other",
    /// "Rest of world", region rows); a rounded world total is shown beside it, never used.</summary>
    /// <param name="facts">Rows of one table: all with the same source, mineral, stage, year, scenario and measure.</param>
    /// <param name="phrases">The notes' language (messages <c>Supply_*</c>); <see cref="IPhrasebook.Keys"/> when null.</param>
    /// <exception cref="ArgumentException">Rows from different tables, or a negative value.</exception>
    public static ConcentrationResult Compute(IReadOnlyList<SupplyFact> facts, IPhrasebook? phrases = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var say = phrases ?? IPhrasebook.Keys;
        if (facts.Count == 0)
        {
            throw new ArgumentException("A supply table needs at least one row.", nameof(facts));
        }
        var first = facts[0];
        var key = new SupplyKey(first.Source, first.MineralId, first.Stage, first.Year, first.Scenario, first.Measure);
        foreach (var f in facts)
        {
            if (f.Source != key.Source || f.MineralId != key.MineralId || f.Stage != key.Stage || f.Year != key.Year || f.Scenario != key.Scenario
                || f.Measure != key.Measure)
            {
                throw new ArgumentException(
                    $"Rows of different tables mixed: expected {Describe(key)}, found {f.Source}/{f.MineralId}/{f.Stage.ToId()}/{f.Year}/{f.Measure} "
                    + $"at {f.Provenance.SourceFile}:{f.Provenance.Line}.", nameof(facts));
            }
            if (f.Value is < 0)
            {
                throw new ArgumentException(
                    $"Negative supply {f.Value} at {f.Provenance.SourceFile}:{f.Provenance.Line}; expected a quantity ≥ 0.", nameof(facts));
            }
        }

        var notes = new List<string>();
        var tabled = new List<string>();
        var countries = new Dictionary<string, (double Value, Provenance? Provenance)>(StringComparer.Ordinal);
        var withheld = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var f in facts.Where(f => f.IsCountry))
        {
            if (f.Value is not { } v)
            {
                withheld.Add(f.Iso3!);
                continue;
            }
            // Two rows for one country (e.g. two spellings mapped to the same code) add up; provenance is then not one row.
            countries[f.Iso3!] = countries.TryGetValue(f.Iso3!, out var existing) ? (existing.Value + v, null) : (v, f.Provenance);
        }
        withheld.ExceptWith(countries.Keys);
        var named = countries.Values.Sum(c => c.Value);
        var parts = facts.Where(f => !f.IsCountry && !TotalKinds.Contains(f.AggregateKind ?? "other") && f.Value is not null).ToList();
        var partsSum = parts.Sum(p => p.Value!.Value);
        var rowsSum = named + partsSum;
        var exactTotals = facts.Where(f => !f.IsCountry && f.AggregateKind == ExactTotalKind && f.Value is not null).ToList();
        var roundedTotals = facts.Where(f => !f.IsCountry && f.AggregateKind == "world_total" && f.Value is not null).ToList();
        double? exact = exactTotals.Count > 0 ? exactTotals.Max(t => t.Value!.Value) : null;
        double? rounded = roundedTotals.Count > 0 ? roundedTotals.Max(t => t.Value!.Value) : null;
        var labels = string.Join(", ", parts.Select(p => p.Provenance.OriginalLabel).Distinct(StringComparer.Ordinal));

        double residual;
        string residualBasis;
        var exactUsed = false;
        if (exact is { } total && total >= named * (1 - Tolerance))
        {
            exactUsed = true;
            residual = Math.Max(0, total - named);
            residualBasis = "not allocated (published exact total minus countries)";
            notes.Add(say.Format("Supply_ExactTotal", total, first.Unit, residual));
            if (parts.Count > 0 && Math.Abs(partsSum - residual) > Tolerance * total)
            {
                var gap = partsSum - residual;
                var same = countries.Where(c => Math.Abs(c.Value.Value - Math.Abs(gap)) <= Tolerance * total).Select(c => c.Key).ToList();
                notes.Add(say.Format(gap > 0 ? "Supply_RowsGapMore" : "Supply_RowsGapLess", labels, partsSum, first.Unit, Math.Abs(gap), residual,
                    same.Count > 0 ? say.Format("Supply_RowsGapRepeats", string.Join(", ", same)) : ""));
            }
        }
        else
        {
            residual = partsSum;
            residualBasis = parts.Count > 0 ? "aggregate rows" : "none";
            if (parts.Count > 0)
            {
                var unattributed = say.Format("Supply_Unattributed", labels);
                notes.Add(unattributed);
                tabled.Add(unattributed);
            }
            if (exact is { } e)
            {
                notes.Add(say.Format("Supply_TotalBelowCountries", e, named));
            }
        }
        var denominator = named + residual;
        if (rounded is { } r && rowsSum > 0 && Math.Abs(r - rowsSum) / rowsSum > Tolerance)
        {
            notes.Add(say.Format("Supply_RoundedTotal", rowsSum, r));
        }
        if (withheld.Count > 0)
        {
            var withheldNote = say.Format("Supply_Withheld", string.Join(", ", withheld));
            notes.Add(withheldNote);
            tabled.Add(withheldNote);
        }
        if (facts.Any(f => f.IsEstimate))
        {
            notes.Add(say.Format("Supply_Estimates"));
        }
        if (key.Scenario is not null)
        {
            notes.Add(say.Format("Supply_Projection", key.Scenario));
        }
        notes.AddRange(SourceCaveats(key, first.Measure, say));

        var ordered = countries
            .OrderByDescending(c => c.Value.Value)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
        var shareValues = Concentration.Shares([.. ordered.Select(c => c.Value.Value)], residual);
        var shares = ordered.Select((c, i) => new CountryShare(c.Key, c.Value.Value, shareValues[i], c.Value.Provenance)).ToList();
        var sources = facts.Select(f => (f.Provenance.SourceFile, f.Provenance.Edition)).Distinct().Select(p => $"{p.SourceFile} ({p.Edition})").ToList();
        var published = exact ?? rounded;

        if (denominator <= 0)
        {
            notes.Add(say.Format("Supply_NoPositive"));
            return new ConcentrationResult(key, first.Measure, first.Unit, first.Basis, shares, residual, residualBasis, denominator, published,
                [.. withheld], null, null, null, null, null, null, 0, sources, notes)
            { PublishedTotalIsExact = exactUsed, RowsSum = rowsSum, TabledNotes = tabled };
        }
        var namedShares = named > 0 ? ordered.Select(c => c.Value.Value / named).ToList() : [];
        var top1 = shares.Count > 0 ? shares[0] : null;
        return new ConcentrationResult(
            key, first.Measure, first.Unit, first.Basis, shares, residual, residualBasis, denominator, published, [.. withheld],
            Hhi: Concentration.Hhi(shareValues),
            HhiAmongNamed: Concentration.Hhi(namedShares),
            Top1Iso3: top1?.Iso3,
            Top1Share: top1?.Share ?? 0,
            Top3Share: Concentration.TopShare(shareValues, 3),
            CoverageWithoutTop1: 1 - (top1?.Share ?? 0),
            Producers: shares.Count(s => s.Value > 0),
            Sources: sources,
            Notes: notes)
        { PublishedTotalIsExact = exactUsed, RowsSum = rowsSum, TabledNotes = tabled };
    }

    /// <summary>The data pack's documented caveats that apply to a table (copper refinery output, lithium without the US, IEA projections …).</summary>
    /// <param name="key">The table.</param>
    /// <param name="measure">The table's measure.</param>
    /// <param name="phrases">The notes' language (messages <c>Supply_Caveat*</c>); <see cref="IPhrasebook.Keys"/> when null.</param>
    public static IReadOnlyList<string> SourceCaveats(SupplyKey key, string measure, IPhrasebook? phrases = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        var say = phrases ?? IPhrasebook.Keys;
        var notes = new List<string>();
        if (key.Source == "usgs" && key.MineralId == "copper")
        {
            notes.Add(say.Format("Supply_CaveatUsgsCopper"));
        }
        if (key.Source == "usgs" && key.MineralId == "lithium")
        {
            notes.Add(say.Format("Supply_CaveatUsgsLithium"));
        }
        if (key.Source == "usgs" && key.MineralId == "gallium")
        {
            notes.Add(say.Format("Supply_CaveatUsgsGallium"));
        }
        if (key.Source == "iea" && key.MineralId == "rare_earths")
        {
            notes.Add(say.Format("Supply_CaveatIeaRareEarths"));
        }
        if (key.Source == "cheng2020")
        {
            notes.Add(say.Format("Supply_CaveatCheng"));
        }
        if (measure.Contains("capacity", StringComparison.OrdinalIgnoreCase))
        {
            notes.Add(say.Format("Supply_CaveatCapacity"));
        }
        return notes;
    }

    private static string Describe(SupplyKey k) =>
        $"{k.Source}/{k.MineralId}/{k.Stage.ToId()}/{k.Year}{(k.Scenario is null ? "" : "/" + k.Scenario)}/{k.Measure}";
}
