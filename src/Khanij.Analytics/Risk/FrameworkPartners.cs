using Khanij.Core.Catalogue;
using Khanij.Core.Partners;

namespace Khanij.Analytics.Risk;

/// <summary>Partner links that come from shared framework membership (MSP, IPEF, Quad, G7 …): one link per co-member of a country,
/// with Basis <c>framework:ID</c>, covering all critical minerals. Registry partnerships arrive as further <see cref="PartnerLink"/>s. Pure.</summary>
public static class FrameworkPartners
{
    /// <summary>Links between <paramref name="iso3"/> and each fellow member of every framework it belongs to.</summary>
    /// <param name="iso3">The country.</param>
    /// <param name="frameworks">The catalogue's frameworks.</param>
    /// <param name="only">Framework ids to use (e.g. <see cref="RiskParameters.PartnerFrameworks"/>); null for all.</param>
    public static IReadOnlyList<PartnerLink> For(string iso3, IEnumerable<Framework> frameworks, IReadOnlyCollection<string>? only = null)
    {
        ArgumentNullException.ThrowIfNull(frameworks);
        var links = new List<PartnerLink>();
        foreach (var f in frameworks.Where(f => f.Members.Contains(iso3, StringComparer.OrdinalIgnoreCase)
            && (only is null || only.Contains(f.Id, StringComparer.OrdinalIgnoreCase))))
        {
            foreach (var other in f.Members.Where(m => !string.Equals(m, iso3, StringComparison.OrdinalIgnoreCase)))
            {
                links.Add(new PartnerLink(iso3, other, ["critical_minerals"], null, null, "framework:" + f.Id, f.Id));
            }
        }
        return links;
    }

    /// <summary>The links joining <paramref name="a"/> and <paramref name="b"/> for <paramref name="mineralId"/> at <paramref name="stage"/>.</summary>
    public static IReadOnlyList<PartnerLink> Between(IEnumerable<PartnerLink> links, string a, string b, string mineralId, Khanij.Core.Stage stage)
    {
        ArgumentNullException.ThrowIfNull(links);
        return [.. links.Where(l => l.Covers(a, b, mineralId, stage))];
    }

    /// <summary>The links joining <paramref name="a"/> and <paramref name="b"/> for <paramref name="mineralId"/>, at any stage.</summary>
    public static IReadOnlyList<PartnerLink> Between(IEnumerable<PartnerLink> links, string a, string b, string mineralId)
    {
        ArgumentNullException.ThrowIfNull(links);
        return [.. links.Where(l => l.Covers(a, b, mineralId))];
    }
}
