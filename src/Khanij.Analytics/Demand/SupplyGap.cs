using Khanij.Core.Facts;
using Khanij.Core.Registry;
using Khanij.Core.Text;

namespace Khanij.Analytics.Demand;

/// <summary>Needs against secured supply per mineral and year: domestic production (USGS), projects in the accepted partnership registry,
/// and imports from partner countries. Only tonnes of contained element are added; anything else is listed with the reason it is not
/// counted, and the unsecured gap is then marked as an upper bound. Nothing missing is filled with zeros. Pure.</summary>
public static class SupplyGap
{
    /// <summary>Computes the gap for every mineral and year with a need.</summary>
    /// <param name="needs">The scenario's needs.</param>
    /// <param name="supply">Supply facts (the country's own rows are used).</param>
    /// <param name="registry">Registry records; only accepted projects naming the country and the mineral are considered.</param>
    /// <param name="imports">Per mineral: the country's import suppliers (empty or absent when there is no trade data).</param>
    /// <param name="phrases">The message catalogue for labels, bases and reasons, in the reader's language; null for keys only.</param>
    public static IReadOnlyList<GapRow> Compute(
        MineralNeeds needs,
        IReadOnlyList<SupplyFact> supply,
        IReadOnlyList<RegistryRecord> registry,
        IReadOnlyDictionary<string, IReadOnlyList<ImportSupplier>> imports,
        IPhrasebook? phrases = null)
    {
        var say = phrases ?? IPhrasebook.Keys;
        ArgumentNullException.ThrowIfNull(needs);
        ArgumentNullException.ThrowIfNull(supply);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(imports);
        var country = needs.Scenario.Country;
        var rows = new List<GapRow>();
        foreach (var ((mineral, year), need) in needs.Totals.OrderBy(kv => kv.Key.MineralId, StringComparer.Ordinal).ThenBy(kv => kv.Key.Year))
        {
            var items = new List<SecuredItem>();
            items.AddRange(Domestic(supply, country, mineral, year, say));
            items.AddRange(Projects(registry, country, mineral, say));
            items.AddRange(PartnerImports(imports.GetValueOrDefault(mineral) ?? [], country, mineral, year, say));
            var secured = items.Where(i => i.Counted).Sum(i => i.Tonnes!.Value);
            var byPartnership = items.Where(i => i.Kind == "partner_imports" && i.Counted)
                .SelectMany(i => i.Partnerships.Select(p => (p, i.Tonnes!.Value)))
                .GroupBy(x => x.p, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(x => x.Value), StringComparer.Ordinal);
            rows.Add(new GapRow(mineral, year, need, items, secured, Math.Max(0, need - secured), items.Any(i => !i.Counted), byPartnership));
        }
        return rows;
    }

    private static IEnumerable<SecuredItem> Domestic(IReadOnlyList<SupplyFact> supply, string country, string mineral, int year, IPhrasebook say)
    {
        var own = supply.Where(s => s.Source == "usgs" && s.Iso3 == country && s.MineralId == mineral && s.Scenario is null && s.IsCountry).ToList();
        if (own.Count == 0)
        {
            yield return new SecuredItem("domestic_production", say.Format("Gap_DomesticLabel", say.Name(country)), null,
                say.Format("Gap_DomesticNone", say.Name(mineral), say.Name(country)), "usgs", say.Format("Gap_NotListedProducer"), []);
            yield break;
        }
        foreach (var stage in own.GroupBy(s => s.Stage).OrderBy(g => g.Key))
        {
            var latest = stage.Where(s => s.Value is not null).OrderByDescending(s => s.Year).FirstOrDefault();
            if (latest is null)
            {
                var w = stage.OrderByDescending(s => s.Year).First();
                yield return new SecuredItem("domestic_production", $"USGS {say.Name(w.Measure)} {country}", null,
                    say.Format("Gap_WithheldBasis", w.Provenance.OriginalValue), Cite(w.Provenance), say.Format("Gap_Withheld"), []);
                continue;
            }
            var label = $"USGS {say.Name(latest.Measure)} {country} {latest.Year}{(latest.IsEstimate ? " " + say.Format("Gap_Estimate") : "")}";
            var basis = say.Format("Gap_DomesticBasis", latest.Value, latest.Unit, latest.Basis, latest.Year, year, say.Name(country));
            var notCounted = latest.Unit != "t" ? say.Format("Gap_NotTonnes", latest.Unit) : null;
            yield return new SecuredItem("domestic_production", label, latest.Value, basis, Cite(latest.Provenance), notCounted, []);
        }
    }

    private static IEnumerable<SecuredItem> Projects(IReadOnlyList<RegistryRecord> registry, string country, string mineral, IPhrasebook say)
    {
        foreach (var r in registry.Where(r => r.Review == ReviewState.Accepted && r.Kind == RecordKind.Project
            && r.Parties.Contains(country, StringComparer.Ordinal) && r.Minerals.Contains(mineral, StringComparer.Ordinal)))
        {
            var capacity = r.Project?.Capacity;
            var missing = new List<string>();
            if (capacity is null)
            {
                missing.Add(say.Format("Gap_MissingCapacity"));
            }
            // The registry schema has no fields for the year output starts or the share that goes to the country.
            missing.Add(say.Format("Gap_MissingStartYear"));
            missing.Add(say.Format("Gap_MissingShare", say.Name(country)));
            yield return new SecuredItem("partnership", r.Title, null,
                capacity is null ? say.Format("Gap_NoCapacity") : say.Format("Gap_Capacity", capacity),
                $"registry:{r.Id}", say.Format("Gap_NotQuantified", string.Join(", ", missing)), []);
        }
    }

    private static IEnumerable<SecuredItem> PartnerImports(IReadOnlyList<ImportSupplier> suppliers, string country, string mineral, int year,
        IPhrasebook say)
    {
        if (suppliers.Count == 0)
        {
            yield return new SecuredItem("partner_imports", say.Format("Gap_PartnerImportsLabel", say.Name(country)), null,
                say.Format("Gap_NoTrade", say.Name(mineral)), "trade", say.Format("Gap_NotInData"), []);
            yield break;
        }
        if (suppliers.All(s => s.Partnerships.Count == 0))
        {
            var first = suppliers[0];
            // A recorded zero: the country imports the mineral, but from no partner.
            yield return new SecuredItem("partner_imports", say.Format("Gap_PartnerImportsLabel", say.Name(country)), 0,
                say.Format("Gap_NoPartnerSupplier", suppliers.Count, first.Year), first.Source, null, []);
            yield break;
        }
        foreach (var s in suppliers.Where(s => s.Partnerships.Count > 0).OrderByDescending(s => s.Tonnes).ThenBy(s => s.Iso3, StringComparer.Ordinal))
        {
            var basis = say.Format("Gap_ImportBasis", s.Basis, s.Year, year);
            yield return new SecuredItem("partner_imports", say.Format("Gap_ImportsFrom", say.Name(s.Iso3)), s.Tonnes, basis, s.Source,
                s.IsContained ? null : say.Format("Gap_GrossTonnes"), s.Partnerships);
        }
    }

    private static string Cite(Provenance p) => $"{p.SourceFile}:{p.Line} ({p.Edition})";
}
