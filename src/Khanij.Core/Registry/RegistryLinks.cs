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
        foreach (var r in accepted)
        {
            if (r.Instrument == "framework")
            {
                continue;
            }
            foreach (var (a, b) in Pairs(r.CountriesIn(catalogue)))
            {
                links.Add(new PartnerLink(a, b, r.Minerals, Day(r.Date), Day(r.EndDate), "registry", r.Id));
            }
        }
        var bilateral = links.ToList();
        foreach (var r in accepted)
        {
            // A record naming countries besides the framework (India joining the MSP) links those countries to the members only.
            var named = r.CountriesIn(catalogue).ToHashSet(StringComparer.Ordinal);
            foreach (var frameworkId in r.FrameworksIn(catalogue))
            {
                IReadOnlyList<string> members = r.Partnership is { Members.Count: > 0 } p && r.Partnership.FrameworkId == frameworkId
                    ? p.Members
                    : catalogue.FrameworkById(frameworkId)?.Members ?? [];
                foreach (var (a, b) in Pairs(members.Where(m => catalogue.CountryByIso3(m) is not null)))
                {
                    if (named.Count > 0 && !named.Contains(a) && !named.Contains(b))
                    {
                        continue;
                    }
                    if (!bilateral.Any(l => l.CountryA == a && l.CountryB == b && CoversAll(l.MineralIds, r.Minerals)))
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
