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
        "End-of-life recycling input rate (EoL-RIR): not in the data pack; the (1 − EoL-RIR) factor is not applied (equivalent to 0 % recycling).",
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
    public static StageRisk ForStage(
        ConcentrationResult global,
        GovernanceIndex governance,
        IEnumerable<ExportRestriction> restrictions,
        IEnumerable<TradeFlow> flows,
        IReadOnlyList<PartnerLink> partners,
        string perspective,
        RiskParameters parameters)
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
        var table = global;
        var elsewhere = RestrictionRules.AtOtherStages(restrictions, mineral, stage, perspective, parameters);
        var immaterial = gs.Terms.Where(t => t.RestrictionIds.Count > 0 && t.Share < parameters.RestrictionMateriality).ToList();
        if (elsewhere.Count > 0 || immaterial.Count > 0)
        {
            var extra = new List<string>();
            extra.AddRange(elsewhere.Select(r =>
                $"Restriction {r.Id} ({r.Iso3}, {r.Measure}) covers {mineral} at {string.Join(", ", r.Stages.Select(s => s.ToId()))}"
                + (r.Products.Count > 0 ? $" ({string.Join("; ", r.Products)})" : "")
                + $", not at {stage.ToId()}: it does not enter this table's score."));
            extra.AddRange(immaterial.Select(t => string.Format(inv,
                "{0} restricts exports ({1}) but holds {2:P2} of world supply here, below the {3:P0} materiality threshold: listed, not counted in the restricted share.",
                t.Iso3, string.Join(", ", t.RestrictionIds), t.Share, parameters.RestrictionMateriality)));
            table = global with { Notes = [.. global.Notes, .. extra] };
        }
        return new StageRisk(mineral, stage, perspective, table, gs, imports.Year is null ? null : imports, sourcing, ir, irBasis, score, formula,
            MissingEuInputs)
        { RestrictionMateriality = parameters.RestrictionMateriality };
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
