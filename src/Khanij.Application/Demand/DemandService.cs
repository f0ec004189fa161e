using Khanij.Analytics.Demand;
using Khanij.Analytics.Risk;
using Khanij.Core;
using Khanij.Core.Catalogue;
using Khanij.Core.Registry;
using Khanij.Data;
using Khanij.Data.Registry;

namespace Khanij.Application.Demand;

/// <summary>The demand use case: validate the request, read the scenario, compute needs, set them beside IEA world demand, and compare them
/// with secured supply. Shared by <c>khanij demand</c>, <c>GET /api/demand</c> and the brief.</summary>
public static class DemandService
{
    /// <summary>Runs a request against the store.</summary>
    /// <exception cref="DemandInputException">Bad country, scenario file or option.</exception>
    public static async Task<DemandReport> RunAsync(DemandRequest request, KhanijStore store, KhanijCatalogue catalogue, string dataDir,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalogue);
        var country = request.Country is null ? "IND" : ResolveCountry(catalogue, request.Country);
        if (!(request.IntensityImprovement is >= 0 and < 0.5))
        {
            throw new DemandInputException("intensity_improvement", $"intensity improvement {request.IntensityImprovement} is out of range; expected a yearly fraction from 0 to below 0.5 (0.02 = 2 % a year).");
        }
        var intensities = await store.GetBatteryIntensitiesAsync(null, cancellationToken);
        var chemistries = intensities.Select(i => i.Chemistry).ToHashSet(StringComparer.Ordinal);
        var scenario = await DemandScenarios.LoadAsync(request.ScenarioFile, country, dataDir, catalogue, chemistries, cancellationToken);
        if (request.Country is not null && scenario.Country != country)
        {
            throw new DemandInputException("country", $"the scenario file is for {scenario.Country}, not {country}; leave out --country or give a file for {country}.");
        }
        country = scenario.Country;
        var needs = NeedsCalculator.Compute(scenario, intensities, new DemandOptions(request.IntensityImprovement, request.BaseYear));
        var world = WorldDemand.Beside(needs, await store.GetDemandAsync(null, null, cancellationToken), out var worldMissing);

        var supply = await store.GetSupplyAsync(null, null, null, "usgs", cancellationToken);
        var records = await RegistryRecordsAsync(store, cancellationToken);
        var imports = await ImportsAsync(store, catalogue, country, needs.Minerals, cancellationToken);
        var gap = SupplyGap.Compute(needs, supply, records, imports);

        var totals = needs.Rows.GroupBy(r => (r.MineralId, r.Year)).Where(g => g.Sum(r => r.Tonnes) > 0).OrderBy(g => g.Key.MineralId, StringComparer.Ordinal).ThenBy(g => g.Key.Year)
            .Select(g => new DemandTotal(g.Key.MineralId, g.Key.Year, g.Sum(r => r.Tonnes),
                g.GroupBy(r => r.Technology, StringComparer.Ordinal).ToDictionary(t => t.Key, t => t.Sum(r => r.Tonnes), StringComparer.Ordinal)))
            .ToList();
        var notes = new List<string>
        {
            "Needs are tonnes of element: GWh × chemistry share × BatPaC kg/kWh × 1000 (1 GWh = 10⁶ kWh).",
            "Secured supply counts only tonnes of contained element; items in other units are listed and not added, and the gap is then an upper bound.",
            "Imports are the refining stage's trade (chemicals and metals), latest trade year; production and imports are held at their latest observed level.",
        };
        if (scenario.Sources.Values.Any(s => s.IsAssumption))
        {
            notes.Add("Figures labelled 'assumption:' are the scenario author's, not a publication's: "
                + string.Join("; ", scenario.Sources.Values.Where(s => s.IsAssumption).Select(s => s.Note ?? s.Document)));
        }
        return new DemandReport(scenario.Name, scenario.File ?? "", country, [.. scenario.Sources.Values.OrderBy(s => s.Id, StringComparer.Ordinal)],
            scenario.Omitted, request.IntensityImprovement, needs.BaseYear, needs.Rows, totals, needs.NotComputed, world, worldMissing, gap, notes);
    }

    internal static string ResolveCountry(KhanijCatalogue catalogue, string text) =>
        catalogue.CountryByIso3(text.Trim().ToUpperInvariant())?.Iso3 ?? catalogue.FindCountry(text)?.Iso3
        ?? throw new DemandInputException("country", $"'{text}' is not a known country; expected an ISO3 code such as IND (see `khanij countries`)."
            + catalogue.DidYouMeanCountry(text));

    private static async Task<IReadOnlyList<RegistryRecord>> RegistryRecordsAsync(KhanijStore store, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        var registry = await RegistryStore.OpenAsync(connection, null, cancellationToken);
        return await registry.ListAsync(cancellationToken);
    }

    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<ImportSupplier>>> ImportsAsync(KhanijStore store, KhanijCatalogue catalogue,
        string country, IReadOnlyList<string> minerals, CancellationToken cancellationToken)
    {
        var parameters = RiskParameters.Default;
        var partners = (await Khanij.Application.Services.PartnerDefinition.ForAsync(store, catalogue, country, parameters.PartnerFrameworks, cancellationToken)).Links;
        var restrictions = await store.GetRestrictionsAsync(null, cancellationToken);
        var result = new Dictionary<string, IReadOnlyList<ImportSupplier>>(StringComparer.Ordinal);
        foreach (var mineral in minerals)
        {
            // The import profile reads only flows the country takes part in (reporter or partner): a sixteenth of the table for India.
            var flows = await store.GetTradeFlowsInvolvingAsync(country, mineral, cancellationToken);
            var inForce = RestrictionRules.InForce(restrictions, mineral, Stage.Refining, country, parameters);
            var profile = ImportExposure.Compute(flows, country, mineral, Stage.Refining, partners, inForce, parameters);
            if (!profile.HasImports)
            {
                continue;
            }
            var source = string.Join("; ", profile.Sources);
            // The import profile is in tonnes of contained mineral (docs/risk.md §4), comparable with needs when its basis is known.
            result[mineral] = [.. profile.Shares.Select(s => new ImportSupplier(s.Iso3, s.Value, profile.ContentBasis is not null, profile.Year!.Value,
                $"t of {profile.ContentBasis ?? "unknown content"} imported over HS {string.Join(", ", profile.HsBasis.Keys)}", source,
                profile.PartnerBases.TryGetValue(s.Iso3, out var b) ? b : []))];
        }
        return result;
    }
}
