using Khanij.Analytics.Risk;
using Khanij.Core;
using Khanij.Core.Catalogue;
using Khanij.Core.Partners;

namespace Khanij.Application;

/// <summary>Builds the brief: for every mineral and stage with supply data, the table for the brief's year (USGS first, then IEA, then
/// Cheng 2020; the latest earlier year when the year has none), scored for the perspective country and ranked.</summary>
internal static class BriefBuilder
{
    private static readonly string[] SourcePreference = ["usgs", "iea", "usgs_mcs2024", "cheng2020"];

    public static BriefModel Build(RiskInputs inputs, KhanijCatalogue catalogue, string perspective, int year,
        IReadOnlyList<PartnerLink> partners, RiskParameters parameters)
    {
        var governance = GovernanceIndex.Build(inputs.Governance, parameters.GovernanceIndicators, parameters.GovernanceYear);
        var tables = SupplyConcentration.ComputeAll(inputs.Supply.Where(f => f.Scenario is null))
            .Where(t => t.Hhi is not null && t.Key.Year <= year)
            .ToList();
        var rows = new List<BriefRow>();
        foreach (var group in tables.GroupBy(t => (t.Key.MineralId, t.Key.Stage)))
        {
            var chosen = Pick(group.ToList(), year);
            var others = group.Where(t => t.Key.Year == chosen.Key.Year && t.Key.Source != chosen.Key.Source).ToList();
            var risk = SupplyRisk.ForStage(chosen, governance, inputs.Restrictions, inputs.Trade, partners, perspective, parameters,
                inputs.RecyclingFor(chosen.Key.MineralId));
            var restricting = risk.GlobalGovernance.Terms.Where(t => t.RestrictionIds.Count > 0).ToList();
            rows.Add(new BriefRow(risk, others, restricting.Sum(t => t.Share), [.. restricting.Select(t => t.Iso3)]));
        }
        rows = [.. rows.OrderByDescending(r => r.Risk.Score).ThenBy(r => r.MineralId, StringComparer.Ordinal).ThenBy(r => r.Stage)];
        var matrix = Criticality.Build(rows.Select(r => r.Risk), inputs.Demand, parameters);
        var withData = rows.Select(r => r.MineralId).ToHashSet(StringComparer.Ordinal);
        var withoutData = catalogue.Minerals.Where(m => m.India2023 && !withData.Contains(m.Id)).Select(m => m.Id).ToList();
        var reasons = withoutData.ToDictionary(m => m, m => WhyNoData(m, inputs), StringComparer.Ordinal);
        var own = rows.Select(r =>
        {
            var share = r.Table.Shares.FirstOrDefault(s => s.Iso3 == perspective);
            var reserve = inputs.Reserves.Where(x => x.MineralId == r.MineralId && x.Iso3 == perspective && x.ReservesT is not null)
                .OrderBy(x => Rank(x.Source.Replace("2026", "", StringComparison.Ordinal))).FirstOrDefault();
            return new BriefOwnPosition(r.MineralId, r.Stage, r.Table.Key.Source, r.Table.Key.Year, share?.Value, share?.Share ?? 0, r.Table.Basis,
                reserve?.ReservesT, reserve is null ? null : $"{reserve.Provenance.SourceFile}:{reserve.Provenance.Line} ({reserve.Basis})");
        }).ToList();
        var sources = rows.SelectMany(r => r.Table.Sources.Concat(r.Risk.Imports?.Sources ?? []))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var partialWgi = rows.SelectMany(r => r.Risk.GlobalGovernance.Terms.Concat(r.Risk.SourcingGovernance?.Terms ?? []))
            .Select(t => t.Iso3).Distinct(StringComparer.Ordinal)
            .Where(c => governance.DimensionsFor(c) is > 0 and var n && n < parameters.GovernanceIndicators.Count)
            .Order(StringComparer.Ordinal).ToList();
        return new BriefModel(perspective, catalogue.CountryByIso3(perspective)?.NameEn ?? perspective, year, rows, matrix, parameters,
            governance.Year, partialWgi, partners.Select(p => p.CountryB == perspective ? p.CountryA : p.CountryB).Distinct(StringComparer.Ordinal).Count(),
            [.. partners.Select(p => p.Basis).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], withoutData, sources, own, reasons);
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
