using Khanij.Analytics.Demand;
using Khanij.Analytics.Risk;
using Khanij.Application.Localization;
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
        var say = Messages.PhrasebookWith(catalogue);
        var needs = NeedsCalculator.Compute(scenario, intensities, new DemandOptions(request.IntensityImprovement, request.BaseYear), say);
        var world = WorldDemand.Beside(needs, await store.GetDemandAsync(null, null, cancellationToken), out var worldMissing, say);

        var supply = await store.GetSupplyAsync(null, null, null, "usgs", cancellationToken);
        var records = await RegistryRecordsAsync(store, cancellationToken);
        var imports = await ImportsAsync(store, catalogue, country, needs.Minerals, cancellationToken);
        var gap = SupplyGap.Compute(needs, supply, records, imports, say);

        var totals = needs.Rows.GroupBy(r => (r.MineralId, r.Year)).Where(g => g.Sum(r => r.Tonnes) > 0).OrderBy(g => g.Key.MineralId, StringComparer.Ordinal).ThenBy(g => g.Key.Year)
            .Select(g => new DemandTotal(g.Key.MineralId, g.Key.Year, g.Sum(r => r.Tonnes),
                g.GroupBy(r => r.Technology, StringComparer.Ordinal).ToDictionary(t => t.Key, t => t.Sum(r => r.Tonnes), StringComparer.Ordinal)))
            .ToList();
        var notes = new List<string> { Messages.Get("Demand_NoteNeeds"), Messages.Get("Demand_NoteSecured"), Messages.Get("Demand_NoteImports") };
        if (scenario.Sources.Values.Any(s => s.IsAssumption))
        {
            notes.Add(Messages.Format("Demand_NoteAssumptions",
                string.Join("; ", scenario.Sources.Values.Where(s => s.IsAssumption).Select(AssumptionNote))));
        }
        return new DemandReport(Name(scenario), scenario.File ?? "", country, [.. scenario.Sources.Values.OrderBy(s => s.Id, StringComparer.Ordinal)],
            Omitted(scenario), request.IntensityImprovement, needs.BaseYear, needs.Rows, totals, needs.NotComputed, world, worldMissing, gap, notes);
    }

    /// <summary>The scenario's name in the current language (its curated <c>name_hi</c> on a Hindi request; a user's file without one keeps
    /// its own name).</summary>
    public static string Name(DemandScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Messages.Language == "hi" && scenario.NameHi is { } hi ? hi : scenario.Name;
    }

    private static IReadOnlyList<string> Omitted(DemandScenario scenario) =>
        Messages.Language == "hi" && scenario.OmittedHi is { } hi ? hi : scenario.Omitted;

    private static string AssumptionNote(DemandSource s) =>
        (Messages.Language == "hi" ? s.NoteHi : null) ?? s.Note ?? s.Document;

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
            var profile = ImportExposure.Compute(flows, country, mineral, Stage.Refining, partners, inForce, parameters, Messages.PhrasebookWith(catalogue));
            if (!profile.HasImports)
            {
                continue;
            }
            var source = string.Join("; ", profile.Sources);
            // The import profile is in tonnes of contained mineral (docs/risk.md §4), comparable with needs when its basis is known.
            result[mineral] = [.. profile.Shares.Select(s => new ImportSupplier(s.Iso3, s.Value, profile.ContentBasis is not null, profile.Year!.Value,
                Messages.Format("Demand_ImportBasis", profile.ContentBasis ?? Messages.Get("Demand_UnknownContent"), string.Join(", ", profile.HsBasis.Keys)), source,
                profile.PartnerBases.TryGetValue(s.Iso3, out var b) ? b : []))];
        }
        return result;
    }
}
