using System.Globalization;
using Khanij.Analytics.Risk;
using Khanij.Application.Localization;
using Khanij.Application.Services;
using Khanij.Core;
using Khanij.Core.Catalogue;
using Khanij.Core.Facts;
using Khanij.Data;

namespace Khanij.Application.Sheets;

/// <summary>Builds the mineral sheet: production by place over every year of every source (side by side, never summed), reserves, the
/// perspective country's trade, restrictions, recycling, IEA demand and reported facts, each with its source; and what is missing.</summary>
internal static class MineralSheetService
{
    /// <summary>The use case: validates the request (mineral, perspective country, source) and builds the sheet. Nothing is read
    /// beyond the source list when the request has a problem.</summary>
    public static async Task<ServiceResult<MineralSheet>> RunAsync(KhanijStore store, KhanijCatalogue catalogue, MineralSheetRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<RequestError>();
        var mineral = string.IsNullOrWhiteSpace(request.Mineral) ? null : catalogue.MineralById(request.Mineral.Trim()) ?? catalogue.FindMineral(request.Mineral);
        if (mineral is null)
        {
            errors.Add(new RequestError("mineral", "is not in the catalogue; expected a mineral id, name or symbol such as germanium, rare_earths, "
                + "लिथियम (`khanij minerals`, GET /api/minerals)."
                + catalogue.DidYouMeanMineral(request.Mineral ?? "")) { Value = request.Mineral });
        }
        var perspective = RequestFields.Country(catalogue, request.Perspective ?? RiskService.DefaultCountry, errors);
        var source = string.IsNullOrWhiteSpace(request.Source) ? null : request.Source.Trim();
        if (source is not null)
        {
            var known = (await store.GetDatasetsAsync(cancellationToken)).Where(d => d.Table is "supply_facts" or "reserves")
                .Select(d => d.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (!known.Contains(source, StringComparer.Ordinal))
            {
                errors.Add(new RequestError("source", $"is not a source of production or reserves in the store; expected one of {string.Join(", ", known)} "
                    + "(`khanij data sources`).") { Value = request.Source });
            }
        }
        if (errors.Count > 0)
        {
            return ServiceResult<MineralSheet>.Invalid(errors);
        }
        return ServiceResult<MineralSheet>.Ok(await BuildAsync(store, catalogue, mineral!, perspective!, source, cancellationToken));
    }

    /// <remarks>Sentences, restriction scopes and reported facts are in the language of the call chain (<see cref="SheetText"/>).</remarks>
    internal static async Task<MineralSheet> BuildAsync(KhanijStore store, KhanijCatalogue catalogue, Mineral mineral, string perspective, string? source,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(mineral);
        var supply = (await store.GetSupplyAsync(mineral.Id, cancellationToken: cancellationToken))
            .Where(f => f.Scenario is null && (source is null || f.Source == source)).ToList();
        var reserves = (await store.GetReservesAsync(mineral.Id, cancellationToken: cancellationToken))
            .Where(r => source is null || r.Source == source).ToList();
        // Every reporter's flows of the mineral: the partners' reports stand in where the perspective reported nothing.
        var trade = await store.GetTradeFlowsAsync(null, mineral.Id, cancellationToken);
        var extracts = await store.GetTradeExtractsAsync(reporterIso3: perspective, mineralId: mineral.Id, cancellationToken: cancellationToken);
        var restrictions = (await store.GetRestrictionsAsync(cancellationToken: cancellationToken))
            .Where(r => r.MineralIds.Contains(mineral.Id) || r.MineralIds.Contains("critical_minerals")).Select(SheetText.Restriction).ToList();
        var recycling = SheetText.Recycling(catalogue, RecyclingFactor.For(mineral.Id, await store.GetRecyclingRatesAsync(mineral.Id, cancellationToken)));
        var demand = (await store.GetDemandAsync(mineral.Id, cancellationToken: cancellationToken))
            // Two IEA tables hold a total: total_demand ("Total demand", all uses) for the big minerals, and cleantech_demand_by_mineral ("All
            // clean technologies", clean-technology uses only) for the rest, such as germanium and gallium. Each is kept under its own table name.
            .Where(d => (d.Table == "total_demand" && d.Sector == "Total demand") || (d.Table == "cleantech_demand_by_mineral" && d.Sector == "All clean technologies"))
            .GroupBy(d => (d.Table, d.Scenario, d.Year))
            .Select(g => new SheetDemand(g.Key.Table, g.Key.Scenario, g.Key.Year, g.Sum(d => d.ValueT),
                $"{g.First().Provenance.SourceFile} ({g.First().Provenance.Edition})"))
            .OrderBy(d => d.Table, StringComparer.Ordinal).ThenBy(d => d.Year).ThenBy(d => d.Scenario, StringComparer.Ordinal).ToList();
        var facts = (await store.GetReportedFactsAsync(cancellationToken: cancellationToken)).Where(f => f.MineralId == mineral.Id)
            .Select(SheetText.Fact).ToList();

        var production = Series(supply);
        var reserveTables = reserves.GroupBy(r => (r.Source, r.Provenance.Edition, r.Basis))
            .Select(g => new SheetReserves(g.Key.Source, g.Key.Edition, g.Key.Basis,
                [.. g.OrderBy(r => r.Iso3 is null).ThenByDescending(r => r.ReservesT ?? -1)
                    .Select(r => new SheetReserve(Place(r.Iso3, r.AggregateKind), r.Iso3 is not null, r.ReservesT, $"{r.Provenance.SourceFile}:{r.Provenance.Line}"))],
                [.. g.Select(r => r.Provenance.SourceFile).Distinct(StringComparer.Ordinal)]))
            .ToList();
        var sheetTrade = Trade(trade, perspective, extracts, await SheetText.CoverageAsync(store, catalogue, extracts, cancellationToken));

        var missing = new List<string>();
        if (production.Count == 0)
        {
            missing.Add(source is null ? Messages.Format("Sheet_MissingProduction", SheetText.Mineral(mineral))
                : Messages.Format("Sheet_MissingProductionForSource", SheetText.Mineral(mineral), source));
        }
        if (!production.Any(p => p.Stage == "refining"))
        {
            missing.Add(Messages.Get("Sheet_MissingRefining"));
        }
        if (reserveTables.Count == 0)
        {
            missing.Add(Messages.Get("Sheet_MissingReserves"));
        }
        if (mineral.HsCodes.Count == 0)
        {
            missing.Add(Messages.Get("Sheet_MissingHsCodes"));
        }
        if (sheetTrade.Imports.Count == 0 && sheetTrade.Extracts.Count == 0)
        {
            missing.Add(Messages.Format("Sheet_MissingTrade", SheetText.Country(catalogue, perspective), SheetText.Mineral(mineral)));
        }
        if (recycling.RatePercent is null)
        {
            missing.Add(Messages.Get("Sheet_MissingRecycling"));
        }
        if (demand.Count == 0)
        {
            missing.Add(Messages.Get("Sheet_MissingDemand"));
        }
        var lists = new[] { (mineral.India2023, "India 2023"), (mineral.Eu2023, "EU 2023"), (mineral.Us2022, "US 2022") }
            .Where(l => l.Item1).Select(l => l.Item2).ToList();
        return new MineralSheet(mineral.Id, mineral.NameEn, lists, mineral.HsCodes, perspective, production, reserveTables, sheetTrade, restrictions,
            recycling, demand, facts, missing);
    }

    /// <summary>One series per source × edition × stage × measure × unit basis; never summed across them.</summary>
    internal static IReadOnlyList<SheetSeries> Series(IEnumerable<SupplyFact> supply) =>
        [.. supply.GroupBy(f => (f.Source, f.Provenance.Edition, Stage: f.Stage.ToId(), f.Measure, f.Unit, f.Basis))
            .Select(g =>
            {
                var years = g.Select(f => f.Year).Distinct().Order().ToList();
                var rows = g.GroupBy(f => Place(f.Iso3, f.AggregateKind))
                    .Select(p => new SheetRow(p.Key, p.First().Iso3 is not null,
                        [.. years.Select(y => p.Where(f => f.Year == y).Select(f => f.Value).FirstOrDefault())]))
                    .OrderBy(r => r.IsCountry ? 0 : 1).ThenByDescending(r => r.Values.LastOrDefault(v => v is not null) ?? -1)
                    .ThenBy(r => r.Place, StringComparer.Ordinal)
                    .ToList();
                return new SheetSeries(g.Key.Source, g.Key.Edition, g.Key.Stage, g.Key.Measure, g.Key.Unit, g.Key.Basis, years, rows,
                    [.. g.Select(f => f.Provenance.SourceFile).Distinct(StringComparer.Ordinal)], g.Any(f => f.IsEstimate));
            })
            .OrderBy(s => s.Stage, StringComparer.Ordinal).ThenBy(s => s.Source, StringComparer.Ordinal).ThenBy(s => s.Measure, StringComparer.Ordinal)];

    private static SheetTrade Trade(IReadOnlyList<TradeFlow> flows, string perspective, IReadOnlyList<TradeExtract> extracts,
        IReadOnlyDictionary<string, string> coverage) =>
        new(StageImports.Of(flows, perspective), extracts,
            [.. extracts.Select(e => Messages.Format("Sheet_Coverage", SheetText.Source(e.Source), coverage[e.Source])).Distinct(StringComparer.Ordinal)]);

    internal static string Place(string? iso3, string? aggregate) => iso3 ?? $"({aggregate ?? "unattributed"})";

    internal static string Tonnes(double? t) => t is { } v ? v.ToString(v >= 100 ? "#,0" : "#,0.###", CultureInfo.InvariantCulture) : "—";
}
