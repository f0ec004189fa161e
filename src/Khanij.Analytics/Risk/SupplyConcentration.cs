using System.Globalization;
using Khanij.Core;
using Khanij.Core.Facts;

namespace Khanij.Analytics.Risk;

/// <summary>Builds <see cref="ConcentrationResult"/>s from supply facts. Aggregate rows never enter a country share. Pure and thread-safe.</summary>
public static class SupplyConcentration
{
    private static readonly string[] TotalKinds = ["world_total", "total"];

    /// <summary>Groups facts into tables (source × mineral × stage × year × scenario) and computes each, ordered by mineral, stage, year.</summary>
    public static IReadOnlyList<ConcentrationResult> ComputeAll(IEnumerable<SupplyFact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return [.. facts
            .GroupBy(f => new SupplyKey(f.Source, f.MineralId, f.Stage, f.Year, f.Scenario))
            .Select(g => Compute(g.ToList()))
            .OrderBy(r => r.Key.MineralId, StringComparer.Ordinal)
            .ThenBy(r => r.Key.Stage)
            .ThenBy(r => r.Key.Year)
            .ThenBy(r => r.Key.Source, StringComparer.Ordinal)
            .ThenBy(r => r.Key.Scenario ?? "", StringComparer.Ordinal)];
    }

    /// <summary>Computes the concentration of one table.</summary>
    /// <param name="facts">Rows of one table: all with the same source, mineral, stage, year and scenario.</param>
    /// <exception cref="ArgumentException">Rows from different tables, or a negative value.</exception>
    public static ConcentrationResult Compute(IReadOnlyList<SupplyFact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Count == 0)
        {
            throw new ArgumentException("A supply table needs at least one row.", nameof(facts));
        }
        var first = facts[0];
        var key = new SupplyKey(first.Source, first.MineralId, first.Stage, first.Year, first.Scenario);
        foreach (var f in facts)
        {
            if (f.Source != key.Source || f.MineralId != key.MineralId || f.Stage != key.Stage || f.Year != key.Year || f.Scenario != key.Scenario)
            {
                throw new ArgumentException(
                    $"Rows of different tables mixed: expected {Describe(key)}, found {f.Source}/{f.MineralId}/{f.Stage.ToId()}/{f.Year} "
                    + $"at {f.Provenance.SourceFile}:{f.Provenance.Line}.", nameof(facts));
            }
            if (f.Value is < 0)
            {
                throw new ArgumentException(
                    $"Negative supply {f.Value} at {f.Provenance.SourceFile}:{f.Provenance.Line}; expected a quantity ≥ 0.", nameof(facts));
            }
        }

        var notes = new List<string>();
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
        var totals = facts.Where(f => !f.IsCountry && TotalKinds.Contains(f.AggregateKind ?? "") && f.Value is not null).ToList();
        double? published = totals.Count > 0 ? totals.Max(t => t.Value!.Value) : null;

        double residual;
        string residualBasis;
        if (parts.Count > 0)
        {
            residual = parts.Sum(p => p.Value!.Value);
            residualBasis = "aggregate rows";
            var labels = string.Join(", ", parts.Select(p => p.Provenance.OriginalLabel).Distinct(StringComparer.Ordinal));
            notes.Add($"Unattributed supply ({labels}) is in the denominator but is not a producer in HHI or top-N shares.");
        }
        else if (published is { } pt && pt > named)
        {
            residual = pt - named;
            residualBasis = "published total minus countries";
            notes.Add("No 'Other' row: the published total minus the listed countries is taken as unattributed supply.");
        }
        else
        {
            residual = 0;
            residualBasis = "none";
        }
        var denominator = named + residual;
        if (published is { } p2 && denominator > 0 && Math.Abs(p2 - denominator) / denominator > 0.001)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Listed rows sum to {denominator:#,0.###} while the published total is {p2:#,0.###}; shares use the sum of the rows (a published total may be rounded)."));
        }
        if (withheld.Count > 0)
        {
            notes.Add($"Withheld by the source (not filled, not in the denominator): {string.Join(", ", withheld)}.");
        }
        if (facts.Any(f => f.IsEstimate))
        {
            notes.Add("The source marks these figures as estimates.");
        }
        if (key.Scenario is not null)
        {
            notes.Add($"Projection ({key.Scenario}), not an observation.");
        }
        notes.AddRange(SourceCaveats(key, first.Measure));

        var ordered = countries
            .OrderByDescending(c => c.Value.Value)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
        var shareValues = Concentration.Shares([.. ordered.Select(c => c.Value.Value)], residual);
        var shares = ordered.Select((c, i) => new CountryShare(c.Key, c.Value.Value, shareValues[i], c.Value.Provenance)).ToList();
        var sources = facts.Select(f => (f.Provenance.SourceFile, f.Provenance.Edition)).Distinct().Select(p => $"{p.SourceFile} ({p.Edition})").ToList();

        if (denominator <= 0)
        {
            notes.Add("No positive supply in this table: no concentration metrics.");
            return new ConcentrationResult(key, first.Measure, first.Unit, first.Basis, shares, residual, residualBasis, denominator, published,
                [.. withheld], null, null, null, null, null, null, 0, sources, notes);
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
            Notes: notes);
    }

    /// <summary>The data pack's documented caveats that apply to a table (copper refinery output, lithium without the US, IEA projections …).</summary>
    public static IReadOnlyList<string> SourceCaveats(SupplyKey key, string measure)
    {
        ArgumentNullException.ThrowIfNull(key);
        var notes = new List<string>();
        if (key.Source == "usgs" && key.MineralId == "copper")
        {
            notes.Add("USGS copper in this pack is refinery output (the extractor captured the refinery column), not mine output.");
        }
        if (key.Source == "usgs" && key.MineralId == "lithium")
        {
            notes.Add("USGS lithium excludes United States output, which USGS withholds.");
        }
        if (key.Source == "usgs" && key.MineralId == "gallium")
        {
            notes.Add("USGS gallium is low-purity primary production, in kilograms.");
        }
        if (key.Source == "iea" && key.MineralId == "rare_earths")
        {
            notes.Add("IEA rare earths are the magnet rare earth elements only.");
        }
        if (key.Source == "cheng2020")
        {
            notes.Add("Cheng et al. 2020 data group some producers into regions (e.g. Europe); regions count as unattributed supply.");
        }
        if (measure.Contains("capacity", StringComparison.OrdinalIgnoreCase))
        {
            notes.Add("Capacity, not production.");
        }
        return notes;
    }

    private static string Describe(SupplyKey k) => $"{k.Source}/{k.MineralId}/{k.Stage.ToId()}/{k.Year}{(k.Scenario is null ? "" : "/" + k.Scenario)}";
}
