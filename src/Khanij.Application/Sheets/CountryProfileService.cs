using Khanij.Application.Localization;
using Khanij.Application.Services;
using Khanij.Core;
using Khanij.Core.Catalogue;
using Khanij.Core.Facts;
using Khanij.Data;
using Khanij.Data.Registry;

namespace Khanij.Application.Sheets;

/// <summary>What <c>khanij country C</c> and <c>/api/countries/{iso3}/profile</c> ask for.</summary>
/// <param name="Country">ISO3 code or name (English or Hindi).</param>
public sealed record CountryProfileRequest(string Country);

/// <summary>A country's production and reserves by mineral, its imports and partners (with coverage gaps named), the restrictions it imposes
/// and faces, and its partnerships.</summary>
internal sealed record CountryProfile(
    string Iso3,
    string Name,
    IReadOnlyList<ProfileProduction> Production,
    IReadOnlyList<ProfileReserve> Reserves,
    IReadOnlyList<StageImports> Imports,
    IReadOnlyList<TradeExtract> Extracts,
    IReadOnlyList<string> ImportGaps,
    IReadOnlyList<ExportRestriction> Imposes,
    IReadOnlyList<ExportRestriction> Faces,
    IReadOnlyList<string> Frameworks,
    IReadOnlyList<ProfilePartnership> Partnerships);

/// <summary>The country's output of a mineral in the latest year of one source and measure, with its share of that table's world figure.</summary>
internal sealed record ProfileProduction(string MineralId, string Stage, string Measure, string Source, string Edition, int Year, double? Tonnes,
    string Basis, double? WorldShare, string Line);

/// <summary>The country's reserves of a mineral in one source.</summary>
internal sealed record ProfileReserve(string MineralId, string Source, string Edition, double? Tonnes, string Basis, string Line);

/// <summary>An accepted partnership from the registry.</summary>
internal sealed record ProfilePartnership(string Partner, IReadOnlyList<string> Minerals, string Basis, string RecordId);

/// <summary>Builds <see cref="CountryProfile"/>s.</summary>
internal static class CountryProfileService
{
    /// <summary>The use case: resolves the country (ISO3 or any English or Hindi name) and builds its profile.</summary>
    /// <param name="trade">The store's trade flows when the host already holds them (the web host caches the pack's facts); null = read them.</param>
    public static async Task<ServiceResult<CountryProfile>> RunAsync(KhanijStore store, KhanijCatalogue catalogue, CountryProfileRequest request,
        CancellationToken cancellationToken, IReadOnlyList<TradeFlow>? trade = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<RequestError>();
        var iso3 = RequestFields.Country(catalogue, request.Country ?? "", errors);
        if (errors.Count > 0)
        {
            return ServiceResult<CountryProfile>.Invalid(errors);
        }
        return ServiceResult<CountryProfile>.Ok(await BuildAsync(store, catalogue, catalogue.CountryByIso3(iso3!)!, trade, cancellationToken));
    }

    internal static async Task<CountryProfile> BuildAsync(KhanijStore store, KhanijCatalogue catalogue, Country country, IReadOnlyList<TradeFlow>? trade,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(country);
        var iso3 = country.Iso3;
        var supply = (await store.GetSupplyAsync(cancellationToken: cancellationToken)).Where(f => f.Scenario is null).ToList();
        var production = new List<ProfileProduction>();
        foreach (var table in supply.GroupBy(f => (f.Source, f.MineralId, f.Stage, f.Measure, f.Basis)))
        {
            var own = table.Where(f => f.Iso3 == iso3).ToList();
            if (own.Count == 0)
            {
                continue;
            }
            var year = own.Max(f => f.Year);
            var fact = own.First(f => f.Year == year);
            var rows = table.Where(f => f.Year == year).ToList();
            var world = rows.FirstOrDefault(f => f.AggregateKind is "world_total" or "total")?.Value
                ?? (rows.Any(f => f.Value is not null) ? rows.Where(f => f.AggregateKind is null or "other" or "rest_of_world").Sum(f => f.Value ?? 0) : null);
            production.Add(new ProfileProduction(fact.MineralId, fact.Stage.ToId(), fact.Measure, fact.Source, fact.Provenance.Edition, year, fact.Value,
                fact.Basis, fact.Value is { } v && world is > 0 ? v / world : null, $"{fact.Provenance.SourceFile}:{fact.Provenance.Line}"));
        }
        var reserves = (await store.GetReservesAsync(cancellationToken: cancellationToken)).Where(r => r.Iso3 == iso3)
            .Select(r => new ProfileReserve(r.MineralId, r.Source, r.Provenance.Edition, r.ReservesT, r.Basis, $"{r.Provenance.SourceFile}:{r.Provenance.Line}"))
            .OrderBy(r => r.MineralId, StringComparer.Ordinal).ThenBy(r => r.Source, StringComparer.Ordinal).ToList();

        // Every reporter's flows: where the country reported nothing for a code, its partners' reports stand in (ImportExposure's rule).
        trade ??= await store.GetTradeFlowsAsync(cancellationToken: cancellationToken);
        var imports = StageImports.Of(trade, iso3);
        var extracts = await store.GetTradeExtractsAsync(reporterIso3: iso3, cancellationToken: cancellationToken);
        var covered = imports.Select(i => i.MineralId).Concat(extracts.Where(e => e.Flow == "import").Select(e => e.MineralId)).ToHashSet(StringComparer.Ordinal);
        var gaps = new List<string>();
        var listed = catalogue.Minerals.Where(m => m.India2023 || m.Eu2023 || m.Us2022).ToList();
        var noTrade = listed.Where(m => !covered.Contains(m.Id)).Select(m => m.Id).ToList();
        var name = SheetText.Country(catalogue, iso3);
        if (noTrade.Count > 0)
        {
            gaps.Add(Messages.Format("Profile_GapNoImports", name, string.Join(", ", noTrade.Select(m => SheetText.MineralId(catalogue, m)))));
        }
        if (imports.Count > 0 && !trade.Any(f => f.ReporterIso3 == iso3 && !f.IsMirror))
        {
            gaps.Add(Messages.Format("Profile_GapMirrorOnly", name));
        }
        var coverage = await SheetText.CoverageAsync(store, catalogue, extracts, cancellationToken);
        gaps.AddRange(extracts.Select(e => Messages.Format("Profile_GapPartialExtract", SheetText.Source(e.Source), coverage[e.Source]))
            .Distinct(StringComparer.Ordinal));

        var restrictions = await store.GetRestrictionsAsync(cancellationToken: cancellationToken);
        var imposes = restrictions.Where(r => r.Iso3 == iso3).Select(SheetText.Restriction).ToList();
        var faces = restrictions.Where(r => r.Iso3 != iso3 && (r.Target == "all" || r.Target.Split(';').Contains(iso3))).Select(SheetText.Restriction).ToList();
        var frameworks = catalogue.Frameworks.Where(f => f.Members.Contains(iso3)).Select(f => $"{f.Id} ({f.NameEn})").ToList();
        var links = await RegistryFeed.PartnerLinksAsync(store, catalogue, cancellationToken);
        var partnerships = links.Where(l => (l.CountryA == iso3 || l.CountryB == iso3) && !l.Basis.StartsWith("framework:", StringComparison.Ordinal))
            .Select(l => new ProfilePartnership(l.CountryA == iso3 ? l.CountryB : l.CountryA, l.MineralIds, l.Basis, l.RecordId))
            .OrderBy(p => p.Partner, StringComparer.Ordinal).ToList();
        return new CountryProfile(iso3, country.NameEn, [.. production.OrderBy(p => p.MineralId, StringComparer.Ordinal).ThenBy(p => p.Stage, StringComparer.Ordinal)
                .ThenBy(p => p.Source, StringComparer.Ordinal)],
            reserves, imports, extracts, gaps, imposes, faces, frameworks, partnerships);
    }
}
