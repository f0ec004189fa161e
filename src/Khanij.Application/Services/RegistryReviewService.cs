using Khanij.Core;
using Khanij.Core.Catalogue;
using Khanij.Core.Partners;
using Khanij.Core.Registry;
using Khanij.Data;
using Khanij.Data.Registry;

namespace Khanij.Application.Services;

/// <summary>A request of the review use case (<c>khanij partners review</c> with actions, <c>POST /api/partners/records/{id}/accept|reject</c>):
/// the decisions of one run, who makes them, and the perspective country whose figures the impact is reported for.</summary>
internal sealed record ReviewRequest(
    IReadOnlyList<string> Accept,
    IReadOnlyList<string> Reject,
    bool AcceptAll = false,
    string? EditId = null,
    IReadOnlyList<(string Field, string Value)>? Edits = null,
    string? Country = null,
    string Who = "unknown");

/// <summary>What a review run did and what it moved.</summary>
/// <param name="Outcome">The decisions applied.</param>
/// <param name="Impact">The perspective country's risk figures that changed, before → after.</param>
internal sealed record ReviewResult(ReviewOutcome Outcome, DecisionImpact Impact);

/// <summary>Which of a country's risk figures a registry change moves: for each risk row (mineral × stage × year × source) whose
/// partner share of imports or supply risk differs, both values; and per mineral and stage, the partners gained or lost. Computed by
/// <see cref="RiskService"/>, the service of <c>khanij risk</c>, on the two registry states.</summary>
/// <param name="Country">The perspective country.</param>
/// <param name="Comparison">What is compared, in words ("before → after the review run", "without → with pt-0001").</param>
/// <param name="Records">The records whose partner links for the country differ between the two states (the cause of every change).</param>
/// <param name="Rows">Figures that changed.</param>
/// <param name="Partners">Per mineral and stage, the partners that count in one state and not in the other.</param>
internal sealed record DecisionImpact(string Country, string Comparison, IReadOnlyList<string> Records, IReadOnlyList<ImpactRow> Rows,
    IReadOnlyList<ImpactPartners> Partners)
{
    /// <summary>How the figures were found.</summary>
    public string Method => "khanij risk (RiskService) for every mineral and stage with data, run on the registry's partner links in each "
        + "state; partner_share is the share of the country's imports (contained tonnes) from partner countries, supply_risk the EU-method "
        + "score of docs/risk.md";
}

/// <summary>One risk row whose figures a registry change moves.</summary>
internal sealed record ImpactRow(string Mineral, string Stage, int Year, string Source, string? Scenario, string Measure,
    double? PartnerShareBefore, double? PartnerShareAfter, double SupplyRiskBefore, double SupplyRiskAfter, IReadOnlyList<string> Records);

/// <summary>The partners of a country for one mineral at one stage that a registry change adds or removes.</summary>
internal sealed record ImpactPartners(string Mineral, string Stage, IReadOnlyList<string> Gained, IReadOnlyList<string> Lost, IReadOnlyList<string> Records);

/// <summary>The review use case, and the impact of a record: decisions are applied in one transaction (<see cref="RegistryStore.ApplyReviewAsync"/>),
/// and the figures they move for the perspective country are reported, computed with <see cref="RiskService"/> on the registry as the run
/// found it and as it left it (both read inside the run's transaction).</summary>
internal static class RegistryReviewService
{
    /// <summary>Applies the run's decisions and reports their impact. Nothing is changed when the request has a problem.</summary>
    /// <exception cref="RegistryException">An unknown id or an invalid edit; nothing was changed.</exception>
    public static async Task<ServiceResult<ReviewResult>> ReviewAsync(KhanijStore khanij, RegistryStore registry, Func<CancellationToken, Task<RiskInputs>> inputs,
        KhanijCatalogue catalogue, ReviewRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<RequestError>();
        var country = RequestFields.Country(catalogue, request.Country ?? RiskService.DefaultCountry, errors);
        if (errors.Count > 0)
        {
            return ServiceResult<ReviewResult>.Invalid(errors);
        }
        var outcome = await registry.ApplyReviewAsync(
            new ReviewRun(request.Accept, request.Reject, request.AcceptAll, request.EditId, request.Edits ?? []), request.Who, catalogue, cancellationToken);
        var impact = await BetweenAsync(khanij, inputs, catalogue, country!, outcome.Before, outcome.After, "before → after the review run",
            cancellationToken);
        return ServiceResult<ReviewResult>.Ok(new ReviewResult(outcome, impact));
    }

    /// <summary>The figures record <paramref name="id"/> moves now: risk with the registry as it is against risk without the record (an
    /// accepted record), or with the record accepted against as it is (a proposal: what accepting it would move). A rejected record
    /// moves nothing.</summary>
    public static async Task<ServiceResult<DecisionImpact>> OfRecordAsync(KhanijStore khanij, IReadOnlyList<RegistryRecord> records, Func<CancellationToken, Task<RiskInputs>> inputs,
        KhanijCatalogue catalogue, string id, string? country, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var errors = new List<RequestError>();
        var iso3 = RequestFields.Country(catalogue, country ?? RiskService.DefaultCountry, errors);
        var record = records.FirstOrDefault(r => r.Id == id);
        if (record is null)
        {
            errors.Add(new RequestError("id", "is not a registry record id; list them with 'khanij partners review' or GET /api/partners/records.") { Value = id });
        }
        if (errors.Count > 0)
        {
            return ServiceResult<DecisionImpact>.Invalid(errors);
        }
        var impact = record!.Review switch
        {
            ReviewState.Accepted => await BetweenAsync(khanij, inputs, catalogue, iso3!, [.. records.Where(r => r.Id != id)], records,
                $"without → with {id} (what it moves now)", cancellationToken),
            ReviewState.Proposed => await BetweenAsync(khanij, inputs, catalogue, iso3!, records,
                [.. records.Select(r => r.Id == id ? r with { Review = ReviewState.Accepted } : r)], $"as now → with {id} accepted (a proposal moves nothing yet)",
                cancellationToken),
            _ => new DecisionImpact(iso3!, $"{id} is rejected and moves nothing", [], [], []),
        };
        return ServiceResult<DecisionImpact>.Ok(impact);
    }

    /// <summary>The figures that differ between two registry states, for <paramref name="country"/>.</summary>
    public static async Task<DecisionImpact> BetweenAsync(KhanijStore khanij, Func<CancellationToken, Task<RiskInputs>> inputs, KhanijCatalogue catalogue, string country,
        IReadOnlyList<RegistryRecord> before, IReadOnlyList<RegistryRecord> after, string comparison, CancellationToken cancellationToken)
    {
        var linksBefore = RegistryLinks.Build(before, catalogue);
        var linksAfter = RegistryLinks.Build(after, catalogue);
        var keysBefore = linksBefore.Where(l => Involves(l, country)).Select(Key).ToHashSet();
        var keysAfter = linksAfter.Where(l => Involves(l, country)).Select(Key).ToHashSet();
        var changed = linksBefore.Where(l => Involves(l, country) && !keysAfter.Contains(Key(l)))
            .Concat(linksAfter.Where(l => Involves(l, country) && !keysBefore.Contains(Key(l)))).ToList();
        var records = changed.Select(l => l.RecordId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (changed.Count == 0)
        {
            // No partner link of the country differs, so no risk figure can: the risk service would give the same rows twice.
            return new DecisionImpact(country, comparison, [], [], []);
        }
        // Only the minerals the changed links cover can move (a generic critical-minerals link covers a list, read here as it is).
        var loaded = await inputs(cancellationToken);
        var withData = loaded.Supply.Select(f => f.MineralId).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<string?> minerals = changed.Any(l => l.MineralIds.Count == 0 || l.MineralIds.Contains(RegistryVocabulary.CriticalMinerals))
            ? [null]
            : [.. changed.SelectMany(l => l.MineralIds).Distinct(StringComparer.Ordinal).Where(withData.Contains).Order(StringComparer.Ordinal)];
        var rowsBefore = await RowsAsync(khanij, loaded, catalogue, country, minerals, linksBefore, cancellationToken);
        var rowsAfter = await RowsAsync(khanij, loaded, catalogue, country, minerals, linksAfter, cancellationToken);
        var rows = new List<ImpactRow>();
        var partners = new Dictionary<(string Mineral, string Stage), (SortedSet<string> Gained, SortedSet<string> Lost)>();
        foreach (var a in rowsAfter.Values)
        {
            if (!rowsBefore.TryGetValue(RowKey(a), out var b))
            {
                continue;
            }
            var stage = ParseStage(a.Stage);
            var was = b.Partners.Partners.Select(p => p.Iso3).ToHashSet(StringComparer.Ordinal);
            var now = a.Partners.Partners.Select(p => p.Iso3).ToHashSet(StringComparer.Ordinal);
            var moved = now.Except(was).Concat(was.Except(now)).ToHashSet(StringComparer.Ordinal);
            // The cause: the changed links of the partners that came or went for this mineral and stage (else every changed link covering it).
            var covering = changed.Where(l => l.Covers(l.CountryA, l.CountryB, a.Mineral, stage)).ToList();
            var cause = (covering.Any(l => moved.Contains(Other(l, country))) ? covering.Where(l => moved.Contains(Other(l, country))) : covering)
                .Select(l => l.RecordId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var shareBefore = b.Imports?.ShareFromPartners;
            var shareAfter = a.Imports?.ShareFromPartners;
            if (Differs(shareBefore, shareAfter) || Differs(b.SupplyRisk, a.SupplyRisk))
            {
                rows.Add(new ImpactRow(a.Mineral, a.Stage, a.Year, a.Source, a.Scenario, a.Measure, shareBefore, shareAfter, b.SupplyRisk, a.SupplyRisk, cause));
            }
            if (moved.Count > 0)
            {
                var key = (a.Mineral, a.Stage);
                if (!partners.TryGetValue(key, out var sets))
                {
                    partners[key] = sets = (new SortedSet<string>(StringComparer.Ordinal), new SortedSet<string>(StringComparer.Ordinal));
                }
                sets.Gained.UnionWith(now.Except(was));
                sets.Lost.UnionWith(was.Except(now));
            }
        }
        return new DecisionImpact(country, comparison, records,
            [.. rows.OrderBy(r => r.Mineral, StringComparer.Ordinal).ThenBy(r => r.Stage, StringComparer.Ordinal)
                .ThenBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.Year).ThenBy(r => r.Scenario, StringComparer.Ordinal)
                .ThenBy(r => r.Measure, StringComparer.Ordinal)],
            [.. partners.OrderBy(p => p.Key.Mineral, StringComparer.Ordinal).ThenBy(p => p.Key.Stage, StringComparer.Ordinal)
                .Select(p => new ImpactPartners(p.Key.Mineral, p.Key.Stage, [.. p.Value.Gained], [.. p.Value.Lost],
                    [.. changed.Where(l => l.Covers(l.CountryA, l.CountryB, p.Key.Mineral, ParseStage(p.Key.Stage))
                            && (p.Value.Gained.Contains(Other(l, country)) || p.Value.Lost.Contains(Other(l, country))))
                        .Select(l => l.RecordId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))]);
    }

    private static async Task<Dictionary<(string, string, int, string, string?, string), RiskRow>> RowsAsync(KhanijStore khanij, RiskInputs inputs,
        KhanijCatalogue catalogue, string country, IReadOnlyList<string?> minerals, IReadOnlyList<PartnerLink> links, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<(string, string, int, string, string?, string), RiskRow>();
        foreach (var mineral in minerals)
        {
            var result = await RiskService.RunAsync(khanij, inputs, catalogue, new RiskRequest(mineral, Country: country) { RegistryLinks = links },
                cancellationToken);
            foreach (var row in result.Value?.Rows
                ?? throw new InvalidOperationException("The risk service refused the impact's request: " + string.Join("; ", result.Errors.Select(e => e.Message))))
            {
                rows[RowKey(row)] = row;
            }
        }
        return rows;
    }

    private static (string, string, int, string, string?, string) RowKey(RiskRow r) => (r.Mineral, r.Stage, r.Year, r.Source, r.Scenario, r.Measure);

    private static Stage ParseStage(string id) =>
        StageNames.TryParse(id, out var stage) ? stage : throw new InvalidOperationException($"A risk row named the unknown stage '{id}'.");

    private static string Other(PartnerLink l, string country) => l.CountryA == country ? l.CountryB : l.CountryA;

    private static bool Involves(PartnerLink l, string country) => l.CountryA == country || l.CountryB == country;

    private static string Key(PartnerLink l) =>
        string.Join("|", l.CountryA, l.CountryB, l.Basis, l.RecordId, string.Join(",", l.MineralIds), l.Stages is null ? "*" : string.Join(",", l.Stages),
            l.From, l.To);

    private static bool Differs(double? a, double? b) => a.HasValue != b.HasValue || (a is { } x && b is { } y && Math.Abs(x - y) > 1e-12);
}
