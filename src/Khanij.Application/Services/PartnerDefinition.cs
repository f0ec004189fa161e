using System.Text.Json.Serialization;
using Khanij.Analytics.Risk;
using Khanij.Core.Catalogue;
using Khanij.Core.Partners;
using Khanij.Data;
using Khanij.Data.Registry;

namespace Khanij.Application.Services;

/// <summary>The one definition of "partner", used by risk, brief, simulate, the API and the dashboard: a country's partners are
/// (a) its fellow members of the frameworks named by the <c>partner_frameworks</c> parameter (default <see cref="DefaultFrameworks"/>:
/// MSP, IPEF, Quad and G7; general forums such as G20 or BRICS are no minerals partnership and are left out unless named), and
/// (b) the counterparts of its accepted registry partnerships (Basis <c>registry</c>), plus accepted registry framework records for the
/// named frameworks. The set is printed with every result (<see cref="PartnerSet"/>).</summary>
internal static class PartnerDefinition
{
    /// <summary>The default frameworks (ids in <c>data/catalogue/frameworks.csv</c>).</summary>
    public static IReadOnlyList<string> DefaultFrameworks => RiskParameters.Default.PartnerFrameworks;

    /// <summary>Reads the <c>partner_frameworks</c> parameter: null = the default, <c>none</c> = no framework partners, else comma-separated
    /// catalogue ids (any case). Unknown ids are reported in <paramref name="errors"/>.</summary>
    public static IReadOnlyList<string> ResolveFrameworks(KhanijCatalogue catalogue, string? text, List<RequestError> errors)
    {
        if (text is null)
        {
            return DefaultFrameworks;
        }
        if (string.Equals(text.Trim(), "none", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }
        var ids = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = ids.Where(id => catalogue.FrameworkById(id) is null).ToList();
        if (unknown.Count > 0 || ids.Length == 0)
        {
            errors.Add(new RequestError("partner_frameworks", $"names unknown framework(s) {string.Join(", ", unknown)}; expected comma-separated ids from "
                + $"data/catalogue/frameworks.csv ({string.Join(", ", catalogue.Frameworks.Select(f => f.Id))}), or 'none'.") { Value = text });
            return DefaultFrameworks;
        }
        return [.. ids.Select(id => catalogue.FrameworkById(id)!.Id).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The partner links of <paramref name="perspective"/> under this definition, and the set as printed.</summary>
    public static async Task<PartnerSet> ForAsync(KhanijStore store, KhanijCatalogue catalogue, string perspective, IReadOnlyList<string> frameworks,
        CancellationToken cancellationToken) =>
        For(await RegistryFeed.PartnerLinksAsync(store, catalogue, cancellationToken), catalogue, perspective, frameworks);

    /// <summary>The partner links of <paramref name="perspective"/> given the registry's links (<see cref="Khanij.Core.Registry.RegistryLinks"/>).</summary>
    public static PartnerSet For(IReadOnlyList<PartnerLink> registry, KhanijCatalogue catalogue, string perspective, IReadOnlyList<string> frameworks)
    {
        var fromRegistry = registry.Where(l => l.CountryA == perspective || l.CountryB == perspective)
            .Where(l => !l.Basis.StartsWith("framework:", StringComparison.Ordinal)
                || frameworks.Contains(l.Basis["framework:".Length..], StringComparer.OrdinalIgnoreCase));
        IReadOnlyList<PartnerLink> links = [.. fromRegistry.Concat(FrameworkPartners.For(perspective, catalogue.Frameworks, [.. frameworks]))];
        return PartnerSet.Of(perspective, frameworks, links);
    }
}

/// <summary>A country's partners under <see cref="PartnerDefinition"/>, as printed with results.</summary>
/// <param name="Country">The perspective country.</param>
/// <param name="Frameworks">The frameworks whose co-members count (the <c>partner_frameworks</c> parameter).</param>
/// <param name="Definition">The definition in words.</param>
/// <param name="Partners">Each partner country (ISO3, alphabetical) with the bases of its links (<c>framework:MSP</c>, <c>registry</c> …).</param>
internal sealed record PartnerSet(string Country, IReadOnlyList<string> Frameworks, string Definition, IReadOnlyList<PartnerCountry> Partners)
{
    /// <summary>The links themselves, for the analytics.</summary>
    [JsonIgnore]
    public IReadOnlyList<PartnerLink> Links { get; init; } = [];

    public static PartnerSet Of(string perspective, IReadOnlyList<string> frameworks, IReadOnlyList<PartnerLink> links)
    {
        var partners = links.GroupBy(l => l.CountryA == perspective ? l.CountryB : l.CountryA, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PartnerCountry(g.Key, [.. g.Select(l => l.Basis).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                [.. g.Select(l => l.Describe()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))
            .ToList();
        var definition = (frameworks.Count == 0 ? "no frameworks" : "fellow members of " + string.Join(", ", frameworks))
            + " and accepted registry partnerships";
        return new PartnerSet(perspective, frameworks, definition, partners) { Links = links };
    }

    /// <summary>The partners for one mineral at one stage: only the links that cover it (issue 18: a protocol on aluminium mining does not
    /// make a nickel-refining partner). Risk rows carry this set, so their partner bases are the ones that count for the row.</summary>
    public PartnerSet For(string mineralId, Khanij.Core.Stage stage) =>
        Of(Country, Frameworks, [.. Links.Where(l => l.Covers(l.CountryA, l.CountryB, mineralId, stage))]);
}

/// <summary>One partner country and how it is a partner.</summary>
/// <param name="Iso3">The partner.</param>
/// <param name="Bases">The bases of its links (<c>framework:MSP</c>, <c>registry</c>).</param>
/// <param name="Links">Each link as "basis record: scope", saying which record and which scope made it a partner.</param>
internal sealed record PartnerCountry(string Iso3, IReadOnlyList<string> Bases, IReadOnlyList<string> Links);
