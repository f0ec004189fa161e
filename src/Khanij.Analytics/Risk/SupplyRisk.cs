using System.Globalization;
using Khanij.Core;
using Khanij.Core.Facts;
using Khanij.Core.Partners;

namespace Khanij.Analytics.Risk;

/// <summary>The EU-style supply-risk score per stage and overall (the maximum over stages). Pure.</summary>
public static class SupplyRisk
{
    /// <summary>EU inputs this data pack does not contain, and what the score does instead.</summary>
    public static IReadOnlyList<string> MissingEuInputs { get; } =
    [
        "End-of-life recycling input rate (EoL-RIR): not in the pack as such; UNEP (2011) recycled content / end-of-life recycling rate stand in "
            + "as an upper bound where printed (× (1 − rate), see the recycling figure); where UNEP prints neither, no factor is applied (as if 0 %).",
        "Substitution index for supply risk (SI_SR): not in the data pack; the factor is not applied (equivalent to no substitutes).",
    ];

    /// <summary>Scores one mineral at one stage.</summary>
    /// <param name="global">The global supply table for the stage.</param>
    /// <param name="governance">WGI scores.</param>
    /// <param name="restrictions">The export-restriction register.</param>
    /// <param name="flows">Bilateral trade flows (may be empty).</param>
    /// <param name="partners">Partner links for the perspective country (framework membership, accepted registry partnerships).</param>
    /// <param name="perspective">The country whose supply is assessed.</param>
    /// <param name="parameters">Method parameters.</param>
    /// <param name="recycling">The mineral's recycling input (<see cref="RecyclingFactor.For"/>); null leaves the factor out and says so.</param>
    public static StageRisk ForStage(
        ConcentrationResult global,
        GovernanceIndex governance,
        IEnumerable<ExportRestriction> restrictions,
        IEnumerable<TradeFlow> flows,
        IReadOnlyList<PartnerLink> partners,
        string perspective,
        RiskParameters parameters,
        RecyclingInput? recycling = null)
    {
        ArgumentNullException.ThrowIfNull(global);
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        var mineral = global.Key.MineralId;
        var stage = global.Key.Stage;
        var inForce = RestrictionRules.InForce(restrictions, mineral, stage, perspective, parameters);
        var gs = GovernanceWeighted.Compute(global.Shares, governance, inForce, parameters);

        var imports = ImportExposure.Compute(flows, perspective, mineral, stage, partners, inForce, parameters);
        GovernanceWeighted? sourcing = null;
        if (imports.HasImports)
        {
            sourcing = GovernanceWeighted.Compute(imports.Shares, governance, inForce, parameters, imports.PartnerBases);
        }
        var (ir, irBasis) = ImportReliance(global, imports, perspective);
        double score;
        string formula;
        var inv = CultureInfo.InvariantCulture;
        if (ir is { } r && sourcing is not null)
        {
            score = gs.HhiWgiT * r / 2 + sourcing.HhiWgiT * (1 - r / 2);
            formula = string.Format(inv, "SR = HHI_WGI,t(global) × IR/2 + HHI_WGI,t(sourcing) × (1 − IR/2) = {0:0.###} × {1:0.###}/2 + {2:0.###} × (1 − {1:0.###}/2) = {3:0.###}",
                gs.HhiWgiT, r, sourcing.HhiWgiT, score);
        }
        else
        {
            score = gs.HhiWgiT;
            formula = string.Format(inv, "SR = HHI_WGI,t(global) = {0:0.###} (no {1}; the EU method then uses global supply for both terms)",
                score, sourcing is null ? "import-partner data" : "import reliance");
        }
        var notInData = MissingEuInputs;
        if (recycling?.RatePercent is { } rate)
        {
            // The one place recycling enters the score (see RecyclingFactor for which UNEP figure is used and why).
            score = RecyclingFactor.Apply(score, recycling);
            formula += string.Format(inv, "; × (1 − recycling {0:0.##} %) = {1:0.###}", rate, score);
            notInData = [.. MissingEuInputs.Skip(1)];
        }
        return new StageRisk(mineral, stage, perspective, global, gs, imports.Year is null ? null : imports, sourcing, ir, irBasis, score, formula,
            notInData, recycling);
    }

    /// <summary>The overall score of a mineral: the stage with the highest score (null for no stages).</summary>
    public static StageRisk? Overall(IEnumerable<StageRisk> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        return stages.OrderByDescending(s => s.Score).ThenBy(s => s.Stage).FirstOrDefault();
    }

    /// <summary>Import reliance = net imports / (production + net imports), only where production and trade are in comparable terms:
    /// the country has no listed production at the stage (IR = 1 for a net importer, 0 for a net exporter). A producing country's
    /// production (contained content) and its trade (gross tonnes of product) are not comparable, so its IR is reported as missing.</summary>
    public static (double? Value, string Basis) ImportReliance(ConcentrationResult global, ImportProfile imports, string perspective)
    {
        ArgumentNullException.ThrowIfNull(global);
        ArgumentNullException.ThrowIfNull(imports);
        if (!imports.HasImports)
        {
            return (null, imports.Year is null
                ? "not computed: no trade data for this mineral and stage"
                : $"not computed: no imports recorded in {imports.Year}");
        }
        var own = global.Shares.FirstOrDefault(s => s.Iso3 == perspective);
        if (own is { Value: > 0 })
        {
            return (null, $"not computed: {perspective} produces {own.Value.ToString("#,0", CultureInfo.InvariantCulture)} {global.Unit} "
                + $"({global.Basis}) while trade is in gross tonnes of product; the two are not comparable");
        }
        var listed = own is null ? "is not a listed producer (any output would sit in the unattributed residual)" : "is listed with zero production";
        return imports.NetImports > 0
            ? (1.0, $"1: {perspective} {listed} and is a net importer ({imports.Year})")
            : (0.0, $"0: {perspective} {listed} but is a net exporter in the trade data ({imports.Year})");
    }
}
