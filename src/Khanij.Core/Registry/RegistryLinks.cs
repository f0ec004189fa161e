using Khanij.Core.Catalogue;
using Khanij.Core.Partners;

namespace Khanij.Core.Registry;

/// <summary>What the analytics see of the registry: <see cref="PartnerLink"/>s built from ACCEPTED records only.</summary>
/// <remarks>
/// <para>Bilateral links (Basis <c>registry</c>): every accepted partnership, occasion, project or investment naming two or more
/// countries and at least one mineral (or <c>critical_minerals</c>) gives one link per country pair, with the record's minerals and
/// dates. A record naming no mineral (a defence or trade agreement reported beside a minerals deal) gives no link, because
/// <see cref="PartnerLink"/> reads an empty mineral list as "all minerals". Commitments are follow-ups, not links.</para>
/// <para>Framework links (Basis <c>framework:ID</c>): every accepted record naming a framework gives links between each pair of its
/// members (the record's member list, else the catalogue's) — only the pairs involving a country the record also names, when it
/// names any (a record of India joining the MSP links India to the members, not the members to each other) — unless a bilateral link
/// of the same pair already covers every mineral the framework record covers. Consumers should prefer <c>registry</c> links and say when they used a framework link.</para>
/// <para>Dates given as YYYY or YYYY-MM become the first day of that year or month.</para>
/// </remarks>
public static class RegistryLinks
{
    /// <summary>The partner links of <paramref name="records"/>; proposed and rejected records are ignored. Sorted by country pair,
    /// basis and record id, so the output is deterministic.</summary>
    public static IReadOnlyList<PartnerLink> Build(IEnumerable<RegistryRecord> records, KhanijCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(catalogue);
        var accepted = records.Where(r => r.Review == ReviewState.Accepted && r.Kind != RecordKind.Commitment && r.Minerals.Count > 0).ToList();
        var links = new List<PartnerLink>();
        // The fallback test below compares what records name (before critical lists are applied), so a generic bilateral record still
        // stands for a generic framework record of the same pair.
        var named = new List<(string A, string B, IReadOnlyList<string> Minerals)>();
        foreach (var r in accepted)
        {
            if (r.Instrument == "framework")
            {
                continue;
            }
            var countries = r.CountriesIn(catalogue).ToList();
            var (minerals, stages, scope) = ScopeOf(r, countries, catalogue);
            if (minerals.Count == 0 || stages is { Count: 0 })
            {
                continue;
            }
            foreach (var (a, b) in Pairs(countries))
            {
                links.Add(new PartnerLink(a, b, minerals, Day(r.Date), Day(r.EndDate), "registry", r.Id, stages, scope));
                named.Add((a, b, r.Minerals));
            }
        }
        foreach (var r in accepted)
        {
            // A record naming countries besides the framework (India joining the MSP) links those countries to the members only.
            var parties = r.CountriesIn(catalogue).ToHashSet(StringComparer.Ordinal);
            foreach (var frameworkId in r.FrameworksIn(catalogue))
            {
                IReadOnlyList<string> members = r.Partnership is { Members.Count: > 0 } p && r.Partnership.FrameworkId == frameworkId
                    ? p.Members
                    : catalogue.FrameworkById(frameworkId)?.Members ?? [];
                foreach (var (a, b) in Pairs(members.Where(m => catalogue.CountryByIso3(m) is not null)))
                {
                    if (parties.Count > 0 && !parties.Contains(a) && !parties.Contains(b))
                    {
                        continue;
                    }
                    if (!named.Any(l => l.A == a && l.B == b && CoversAll(l.Minerals, r.Minerals)))
                    {
                        links.Add(new PartnerLink(a, b, r.Minerals, Day(r.Date), Day(r.EndDate), "framework:" + frameworkId, r.Id));
                    }
                }
            }
        }
        return [.. links
            .DistinctBy(l => (l.CountryA, l.CountryB, l.Basis, l.RecordId))
            .OrderBy(l => l.CountryA, StringComparer.Ordinal)
            .ThenBy(l => l.CountryB, StringComparer.Ordinal)
            .ThenBy(l => l.Basis, StringComparer.Ordinal)
            .ThenBy(l => l.RecordId, StringComparer.Ordinal)];
    }

    /// <summary>What an accepted record lets the analytics count: the minerals it names, with a generic "critical minerals" read as the
    /// minerals on the critical lists of its parties (India 2023, EU 2023 for EU members, USA 2022; no party with a list → every mineral);
    /// and the supply stages its stages map to (exploration, mining → mining; processing, refining → refining; cathode, components,
    /// manufacturing → cathode; recycling → none), or every stage when it names none.</summary>
    public static (IReadOnlyList<string> Minerals, IReadOnlyList<Stage>? Stages, string Scope) ScopeOf(
        RegistryRecord record, IReadOnlyList<string> parties, KhanijCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(parties);
        ArgumentNullException.ThrowIfNull(catalogue);
        var named = record.Minerals.Where(m => m != RegistryVocabulary.CriticalMinerals).Distinct(StringComparer.Ordinal).ToList();
        var parts = new List<string>();
        if (named.Count > 0)
        {
            parts.Add("minerals named: " + string.Join(", ", named));
        }
        IReadOnlyList<string> minerals = named;
        if (record.Minerals.Contains(RegistryVocabulary.CriticalMinerals))
        {
            var lists = parties.Select(p => (Party: p, List: CriticalListOf(p))).Where(x => x.List is not null).ToList();
            if (lists.Count == 0)
            {
                minerals = [RegistryVocabulary.CriticalMinerals];
                parts.Add("critical_minerals with no party holding a critical list: every mineral");
            }
            else
            {
                var onLists = catalogue.Minerals.Where(m => lists.Any(x => x.List switch
                {
                    "India 2023" => m.India2023,
                    "EU 2023" => m.Eu2023,
                    _ => m.Us2022,
                })).Select(m => m.Id);
                minerals = [.. named.Concat(onLists).Distinct(StringComparer.Ordinal)];
                parts.Add("critical_minerals → " + string.Join(", ", lists.Select(x => $"{x.Party} {x.List} list")));
            }
        }
        var stages = record.Stages.Select(StageOf).OfType<Stage>().Distinct().Order().ToList();
        if (record.Stages.Count == 0)
        {
            parts.Add("no stage named: every stage");
            return (minerals, null, string.Join("; ", parts));
        }
        parts.Add("stages: " + (stages.Count > 0 ? string.Join(", ", stages.Select(s => s.ToId())) : "none of the supply stages (" + string.Join(", ", record.Stages) + ")"));
        return (minerals, stages, string.Join("; ", parts));
    }

    private static readonly string[] EuMembers =
        ["AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "IRL", "ITA", "LVA", "LTU", "LUX", "MLT",
         "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE"];

    /// <summary>The critical list a country's own government publishes in the catalogue, or null.</summary>
    public static string? CriticalListOf(string iso3) =>
        iso3 == "IND" ? "India 2023" : iso3 == "USA" ? "US 2022" : EuMembers.Contains(iso3, StringComparer.Ordinal) ? "EU 2023" : null;

    private static Stage? StageOf(string registryStage) => registryStage switch
    {
        "exploration" or "mining" => Stage.Mining,
        "processing" or "refining" => Stage.Refining,
        "cathode" or "components" or "manufacturing" => Stage.Cathode,
        _ => null,
    };

    private static bool CoversAll(IReadOnlyList<string> bilateral, IReadOnlyList<string> framework) =>
        bilateral.Count == 0 || bilateral.Contains(RegistryVocabulary.CriticalMinerals)
        || (framework.Count > 0 && !framework.Contains(RegistryVocabulary.CriticalMinerals) && framework.All(bilateral.Contains));

    private static IEnumerable<(string A, string B)> Pairs(IEnumerable<string> countries)
    {
        var list = countries.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < list.Count; i++)
        {
            for (var j = i + 1; j < list.Count; j++)
            {
                yield return (list[i], list[j]);
            }
        }
    }

    private static string? Day(string? date) => date?.Length switch
    {
        4 => date + "-01-01",
        7 => date + "-01",
        _ => date,
    };
}
