using Khanij.Analytics.Risk;
using Khanij.Application.Services;
using Khanij.Core.Catalogue;
using Khanij.Core.Facts;

namespace Khanij.Application;

/// <summary>Builds the brief: for every mineral and stage with supply data (on the country's critical list, when it has one), the table for the
/// brief's year (USGS first, then IEA, then Cheng 2020; the latest earlier observed year when the year has none; for a projection year, the
/// projection's tables only), scored for the perspective country under the perspective rule and ranked.</summary>
internal static class BriefBuilder
{
    private static readonly string[] SourcePreference = ["usgs", "iea", "usgs_mcs2024", "cheng2020"];

    /// <param name="projection">Null for observed data; else the projection scenario whose tables for <paramref name="year"/> are used.</param>
    public static BriefModel Build(RiskInputs inputs, KhanijCatalogue catalogue, string perspective, int year, string? projection,
        PartnerSet partners, RiskParameters parameters)
    {
        var governance = inputs.GovernanceIndexFor(parameters);
        var list = CriticalLists.For(catalogue, perspective);
        var candidates = projection is null
            ? inputs.Supply.Where(f => f.Scenario is null && f.Year <= year).ToList()
            : inputs.Supply.Where(f => f.Scenario == projection && f.Year == year).ToList();
        var withData = candidates.Select(f => f.MineralId).Distinct(StringComparer.Ordinal).ToList();
        bool OnList(string id) => list is null || (catalogue.MineralById(id) is { } m && list.Contains(m));
        var phrases = Localization.Messages.PhrasebookWith(catalogue);
        var chosen = new List<(ConcentrationResult Table, List<ConcentrationResult> Others)>();
        // Per mineral and stage, the tables of the latest year (up to the brief's) that has one with an HHI: only that year's tables are
        // computed (Pick takes the brief's year when it has one, else the latest; candidates hold no later year), not every year's.
        foreach (var group in candidates.Where(f => OnList(f.MineralId)).GroupBy(f => (f.MineralId, f.Stage)))
        {
            foreach (var y in group.Select(f => f.Year).Distinct().OrderDescending())
            {
                var tables = SupplyConcentration.ComputeAll(group.Where(f => f.Year == y), phrases).Where(t => t.Hhi is not null).ToList();
                if (tables.Count > 0)
                {
                    var pick = Pick(tables, year);
                    chosen.Add((pick, [.. tables.Where(t => t.Key.Source != pick.Key.Source)]));
                    break;
                }
            }
        }
        var keys = chosen.Select(c => c.Table.Key).ToHashSet();
        var facts = candidates.Where(f => chosen.Any(c => Same(c.Table.Key, f))).ToList();
        var scored = PerspectiveRule.Score(facts, inputs, governance, partners, perspective, parameters, phrases: phrases)
            .Where(s => keys.Contains(s.World.Key))
            .ToDictionary(s => s.World.Key);
        var rows = new List<BriefRow>();
        foreach (var (table, others) in chosen)
        {
            var stage = scored[table.Key];
            // Headline figures count only restricting producers at or above the materiality threshold; the others stay listed in the table notes.
            rows.Add(new BriefRow(stage, others, stage.Risk.RestrictedShare, [.. stage.Risk.MaterialRestrictingProducers.Select(t => t.Iso3)]));
        }
        rows = [.. rows.OrderByDescending(r => r.Risk.Score).ThenBy(r => r.MineralId, StringComparer.Ordinal).ThenBy(r => r.Stage)];
        var matrix = Criticality.Build(rows.Select(r => r.Risk), inputs.Demand, parameters);
        var inRows = rows.Select(r => r.MineralId).ToHashSet(StringComparer.Ordinal);
        var withoutData = list is null ? [] : catalogue.Minerals.Where(m => list.Contains(m) && !inRows.Contains(m.Id)).Select(m => m.Id).ToList();
        var offList = withData.Where(id => !OnList(id)).Order(StringComparer.Ordinal).ToList();
        var reasons = withoutData.ToDictionary(m => m, m => WhyNoData(m, inputs), StringComparer.Ordinal);
        var own = rows.Select(r =>
        {
            var share = r.World.Shares.FirstOrDefault(s => s.Iso3 == perspective);
            var reserve = inputs.Reserves.Where(x => x.MineralId == r.MineralId && x.Iso3 == perspective && x.ReservesT is not null)
                .OrderBy(x => Rank(x.Source.Replace("2026", "", StringComparison.Ordinal))).FirstOrDefault();
            return new BriefOwnPosition(r.MineralId, r.Stage, r.World.Key.Source, r.World.Key.Year, share?.Value, share?.Share ?? 0, r.World.Basis,
                reserve?.ReservesT, reserve is null ? null : $"{reserve.Provenance.SourceFile}:{reserve.Provenance.Line} ({reserve.Basis})");
        }).ToList();
        var sources = rows.SelectMany(r => r.World.Sources.Concat(r.Risk.Imports?.Sources ?? []))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var partialWgi = rows.SelectMany(r => r.Risk.GlobalGovernance.Terms.Concat(r.Risk.SourcingGovernance?.Terms ?? []))
            .Select(t => t.Iso3).Distinct(StringComparer.Ordinal)
            .Where(c => governance.DimensionsFor(c) is > 0 and var n && n < parameters.GovernanceIndicators.Count)
            .Order(StringComparer.Ordinal).ToList();
        return new BriefModel(perspective, catalogue.CountryByIso3(perspective)?.NameEn ?? perspective, year,
            projection is null ? null : ProjectionName(inputs.Supply, projection), rows, matrix, parameters, governance.Year, partialWgi, partners, list,
            withoutData, offList, sources, own, reasons);
    }

    /// <summary>Why a list mineral has no ranked row: what the pack has for it and what is missing.</summary>
    private static string WhyNoData(string mineralId, RiskInputs inputs)
    {
        var facts = inputs.Supply.Where(f => f.MineralId == mineralId && f.Scenario is null).ToList();
        if (facts.Count > 0 && facts.Where(f => f.IsCountry).All(f => f.Value is null))
        {
            return $"every production figure in the pack is withheld ({string.Join(", ", facts.Select(f => f.Source).Distinct())}); no shares can be formed";
        }
        if (facts.Count > 0)
        {
            return "production rows exist but none by country with a positive total";
        }
        var reserves = inputs.Reserves.Count(r => r.MineralId == mineralId);
        var trade = inputs.Trade.Count(t => t.MineralId == mineralId);
        return "no production by country in any source of the pack (USGS MCS 2026, the MCS 2024 data release, IEA, Cheng et al.)"
            + (reserves > 0 ? $"; {reserves} reserve rows exist" : "; no reserves either")
            + (trade > 0 ? $"; {trade} trade rows exist" : "");
    }

    /// <summary>"IEA (Outlook 2025) base_case": the sources that publish the projection, and its name.</summary>
    public static string ProjectionName(IEnumerable<SupplyFact> supply, string scenario) =>
        string.Join(", ", supply.Where(f => f.Scenario == scenario).Select(f => f.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(RiskRows.SourceName)) + " " + scenario;

    private static bool Same(SupplyKey key, SupplyFact f) =>
        key.Source == f.Source && key.MineralId == f.MineralId && key.Stage == f.Stage && key.Year == f.Year && key.Scenario == f.Scenario;

    private static ConcentrationResult Pick(IReadOnlyList<ConcentrationResult> candidates, int year)
    {
        var bestYear = candidates.Any(c => c.Key.Year == year) ? year : candidates.Max(c => c.Key.Year);
        return candidates.Where(c => c.Key.Year == bestYear)
            .OrderBy(c => Rank(c.Key.Source))
            .First();
    }

    private static int Rank(string source)
    {
        var i = Array.IndexOf(SourcePreference, source);
        return i < 0 ? SourcePreference.Length : i;
    }
}
