using Khanij.Analytics.Diversify;
using Khanij.Analytics.Risk;
using Khanij.Analytics.Simulation;
using Khanij.Application.Demand;
using Khanij.Application.Localization;
using Khanij.Core;
using Khanij.Core.Catalogue;
using Khanij.Data;

namespace Khanij.Application.Diversify;

/// <summary>The diversification use case: today's import mix from trade data, candidate suppliers with their risk terms and export limits,
/// and the mix that minimises supply risk or CVaR95 of the shortfall. Shared by <c>khanij diversify</c> and <c>GET /api/diversify</c>.</summary>
public static class DiversifyService
{
    /// <summary>Runs a request against the store.</summary>
    /// <exception cref="DemandInputException">Bad mineral, stage, country, option or scenario; no import data.</exception>
    public static async Task<DiversifyReport> RunAsync(DiversifyRequest request, KhanijStore store, KhanijCatalogue catalogue,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalogue);
        var mineral = catalogue.FindMineral(request.Mineral)?.Id
            ?? throw new DemandInputException("mineral", $"'{request.Mineral}' is not a known mineral; see `khanij minerals` for ids (e.g. cobalt, lithium)."
                + catalogue.DidYouMeanMineral(request.Mineral));
        if (!StageNames.TryParse(request.Stage, out var stage) || stage is not (Stage.Mining or Stage.Refining))
        {
            throw new DemandInputException("stage", $"'{request.Stage}' is not a stage with trade data; expected mining or refining.");
        }
        var country = DemandService.ResolveCountry(catalogue, request.Country);
        var objective = request.Objective switch
        {
            "risk" => DiversifyObjective.Risk,
            "cvar" => DiversifyObjective.Cvar,
            _ => throw new DemandInputException("objective", $"'{request.Objective}' is not an objective; expected risk or cvar."),
        };
        if (objective == DiversifyObjective.Cvar && request.ScenarioFile is null)
        {
            throw new DemandInputException("scenario", "the cvar objective needs a disruption scenario: --scenario FILE (e.g. scenarios/drc-cobalt-suspension-2025.json).");
        }
        if (!(request.Cap is > 0 and <= 1))
        {
            throw new DemandInputException("cap", $"cap {request.Cap} is out of range; expected a share above 0 and at most 1 (0.65 = 65 %).");
        }
        if (request.MaxChange is { } mc && !(mc is >= 0 and <= 1))
        {
            throw new DemandInputException("max_change", $"max change {mc} is out of range; expected share points from 0 to 1 (0.1 = 10 points).");
        }
        if (request.MinPartnerShare is { } mp && !(mp is >= 0 and <= 1))
        {
            throw new DemandInputException("min_partner_share", $"minimum partner share {mp} is out of range; expected a share from 0 to 1.");
        }
        var excluded = (request.Exclude ?? []).Select(e => DemandService.ResolveCountry(catalogue, e)).ToList();

        var parameters = RiskParameters.Default with { TradeYear = request.TradeYear };
        var inputs = await RiskInputsLoader.LoadAsync(store, cancellationToken);
        var partners = (await Khanij.Application.Services.PartnerDefinition.ForAsync(store, catalogue, country, parameters.PartnerFrameworks, cancellationToken)).Links;
        var inForce = RestrictionRules.InForce(inputs.Restrictions, mineral, stage, country, parameters);
        var flows = inputs.Trade.Where(f => f.MineralId == mineral).ToList();
        var profile = ImportExposure.Compute(flows, country, mineral, stage, partners, inForce, parameters, Messages.PhrasebookWith(catalogue));
        if (!profile.HasImports)
        {
            throw new DemandInputException("country", $"no import data for {mineral} at the {stage.ToId()} stage for {country}"
                + (profile.YearsAvailable.Count > 0 ? $" in {profile.Year}; years with data: {string.Join(", ", profile.YearsAvailable)}" : "")
                + ". " + string.Join(" ", profile.Notes));
        }
        var year = profile.Year!.Value;
        var governance = GovernanceIndex.Build(inputs.Governance, parameters.GovernanceIndicators, parameters.GovernanceYear);
        var say = Messages.PhrasebookWith(catalogue);
        var exports = ExportCapacity.Compute(flows, mineral, stage, year, [.. profile.HsBasis.Keys], say);
        var today = profile.Shares.ToDictionary(s => s.Iso3, s => s.Share, StringComparer.Ordinal);
        var candidates = today.Keys.Concat(exports.Keys).Where(c => c != country).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        var infos = new List<SupplierInfo>();
        var suppliers = new List<Supplier>();
        foreach (var c in candidates)
        {
            var share = today.GetValueOrDefault(c);
            var wgi = governance.Score(c);
            var restrictionIds = inForce.TryGetValue(c, out var rs) ? rs.Select(r => r.Id).ToList() : [];
            var t = restrictionIds.Count > 0 ? parameters.RestrictionFactor : 1.0;
            var bases = FrameworkPartners.Between(partners, country, c, mineral).Select(l => l.Basis).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var pf = bases.Count > 0 ? parameters.PartnerFactor : 1.0;
            double? limit = null;
            string basis;
            double? exported = null;
            if (exports.TryGetValue(c, out var e))
            {
                exported = e.Tonnes;
                // A supplier already shipping more than its reported exports keeps at least today's share.
                limit = Math.Max(e.Tonnes / profile.TotalImports, share);
                basis = e.Basis + " " + Messages.Format("Div_DividedByImports", country, profile.TotalImports);
            }
            else
            {
                basis = Messages.Get("Div_NotLimited");
            }
            infos.Add(new SupplierInfo(c, share, wgi, t, restrictionIds, pf, bases, exported, limit, basis));
            suppliers.Add(new Supplier(c, share, wgi is { } w ? w * t * pf : null, limit, basis, bases.Count > 0));
        }
        var constraints = new DiversifyConstraints(request.Cap, request.MaxChange, excluded, request.MinPartnerShare);
        DiversifyResult result;
        string? scenarioText = null;
        if (objective == DiversifyObjective.Risk)
        {
            result = MixOptimizer.MinimiseRisk(suppliers, constraints, say);
        }
        else
        {
            (result, scenarioText) = await CvarAsync(request, store, catalogue, mineral, stage, country, suppliers, constraints, cancellationToken);
        }

        var (before, after, formula) = SupplyRiskScores(inputs, governance, partners, mineral, stage, country, parameters, result);
        var sources = profile.Sources.Append("wgi_estimates_percentiles_long.csv (World Bank WGI)").ToList();
        return new DiversifyReport(country, mineral, stage.ToId(), request.Objective, year, profile.TotalImports, result, infos, before, after, formula,
            scenarioText, sources);
    }

    private static async Task<(DiversifyResult, string)> CvarAsync(DiversifyRequest request, KhanijStore store, KhanijCatalogue catalogue, string mineral,
        Stage stage, string country, List<Supplier> suppliers, DiversifyConstraints constraints, CancellationToken cancellationToken)
    {
        var file = request.ScenarioFile!;
        if (!File.Exists(file))
        {
            throw new DemandInputException("scenario", $"scenario file '{file}' not found; expected a JSON file such as scenarios/drc-cobalt-suspension-2025.json.");
        }
        var errors = ScenarioReader.TryParse(await File.ReadAllTextAsync(file, cancellationToken), file, catalogue, out var scenario);
        if (errors.Count > 0)
        {
            throw new DemandInputException("scenario", $"{errors.Count} problem{(errors.Count == 1 ? "" : "s")} in the scenario file; nothing was run:\n"
                + string.Join("\n", errors.Select(e => "  " + e)));
        }
        // The scenario's run count is meant for `simulate`; the LP has one constraint per draw, so by default it takes at most DefaultRuns.
        var runs = request.Runs ?? Math.Min(scenario!.Runs ?? DiversifyRequest.DefaultRuns, DiversifyRequest.DefaultRuns);
        if (runs is < 1 or > DiversifyRequest.MaxRuns)
        {
            throw new DemandInputException("runs", $"runs {runs} is out of range; expected 1 to {DiversifyRequest.MaxRuns} (one LP constraint per draw).");
        }
        var seed = request.Seed ?? scenario!.Seed ?? DiversifyRequest.DefaultSeed;
        var intensities = await store.GetBatteryIntensitiesAsync(null, cancellationToken);
        var (network, whyNot) = await SimulateNetworks.BuildAsync(store, mineral, scenario!.Shocks, country, scenario.BatteryMix, null, intensities,
            cancellationToken);
        if (network is null)
        {
            throw new DemandInputException("mineral", $"no supply network for {mineral}: {whyNot}");
        }
        if (network.LayerIndexOf(stage) < 0)
        {
            throw new DemandInputException("stage", $"the {mineral} network has no {stage.ToId()} stage; try the other stage.");
        }
        var losses = ShortfallDraws.Build(network, stage, country, [.. suppliers.Select(s => s.Iso3)], scenario.Shocks, scenario.HorizonMonths ?? 12,
            runs, seed, new FastEngine(1), out var notes, Messages.PhrasebookWith(catalogue));
        var result = MixOptimizer.MinimiseCvar(suppliers, losses, constraints, phrases: Messages.PhrasebookWith(catalogue));
        result = result with
        {
            Notes = [.. result.Notes, .. notes, .. (request.Runs is null && scenario.Runs > runs
                ? new[] { Messages.Format("Div_NoteRuns", scenario.Runs, runs, DiversifyRequest.MaxRuns) } : []), Messages.Get("Div_NoteShortfall")],
        };
        return (result, $"{scenario.Name} ({file}), {runs} draws, seed {seed}");
    }

    private static (double? Before, double? After, string Formula) SupplyRiskScores(RiskInputs inputs, GovernanceIndex governance,
        IReadOnlyList<Khanij.Core.Partners.PartnerLink> partners, string mineral, Stage stage, string country, RiskParameters parameters,
        DiversifyResult result)
    {
        var tables = SupplyConcentration.ComputeAll(inputs.Supply.Where(f => f.Scenario is null && f.MineralId == mineral && f.Stage == stage), Messages.Phrasebook)
            .Where(t => t.Hhi is not null).ToList();
        if (tables.Count == 0)
        {
            return (null, null, $"no global supply table for {mineral} at {stage.ToId()}: the supply-risk score is not computed.");
        }
        string[] preference = ["usgs", "iea", "cheng2020"];
        var latest = tables.Max(t => t.Key.Year);
        var table = tables.Where(t => t.Key.Year == latest).OrderBy(t => Array.IndexOf(preference, t.Key.Source) is var i && i < 0 ? 99 : i).First();
        var risk = SupplyRisk.ForStage(table, governance, inputs.Restrictions, inputs.Trade, partners, country, parameters, phrases: Messages.Phrasebook);
        if (risk.ImportReliance is not { } ir || risk.SourcingGovernance is null)
        {
            return (risk.Score, risk.Score, $"{risk.Formula}. The import mix does not enter the score here ({risk.ImportRelianceBasis}).");
        }
        if (result.Objective != DiversifyObjective.Risk)
        {
            return (risk.Score, null, $"{risk.Formula}. The CVaR objective does not minimise this score; run --objective risk for it.");
        }
        var global = risk.GlobalGovernance.HhiWgiT;
        var after = global * ir / 2 + result.After * (1 - ir / 2);
        return (risk.Score, after, $"SR = HHI_WGI,t(global {table.Key.Source} {table.Key.Year}) × IR/2 + sourcing × (1 − IR/2) with IR = {ir:0.###}; "
            + $"global term {global:0.###} unchanged, sourcing {risk.SourcingGovernance.HhiWgiT:0.###} → {result.After:0.###}.");
    }
}
