using System.Globalization;
using Khanij.Core;
using Khanij.Core.Facts;
using Khanij.Core.Partners;
using Khanij.Core.Text;

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
    /// <param name="phrases">The language of the import notes (<see cref="ImportExposure.Compute"/>); <see cref="IPhrasebook.Keys"/> when null.</param>
    public static StageRisk ForStage(
        ConcentrationResult global,
        GovernanceIndex governance,
        IEnumerable<ExportRestriction> restrictions,
        IEnumerable<TradeFlow> flows,
        IReadOnlyList<PartnerLink> partners,
        string perspective,
        RiskParameters parameters,
        RecyclingInput? recycling = null,
        IPhrasebook? phrases = null)
    {
        ArgumentNullException.ThrowIfNull(global);
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        var mineral = global.Key.MineralId;
        var stage = global.Key.Stage;
        var inForce = RestrictionRules.InForce(restrictions, mineral, stage, perspective, parameters);
        var gs = GovernanceWeighted.Compute(global.Shares, governance, inForce, parameters);

        var imports = ImportExposure.Compute(flows, perspective, mineral, stage, partners, inForce, parameters, phrases);
        var reliance = NetImportReliance.Compute(global, imports);
        var inv = CultureInfo.InvariantCulture;
        var (material, minor, materiality) = Materiality(global, imports, reliance, parameters);
        GovernanceWeighted? sourcing = null;
        if (imports.HasImports && material)
        {
            sourcing = GovernanceWeighted.Compute(imports.Shares, governance, inForce, parameters, imports.PartnerBases);
        }
        var ir = reliance.Value;
        double score;
        string formula;
        if (ir is { } r && sourcing is not null)
        {
            score = gs.HhiWgiT * r / 2 + sourcing.HhiWgiT * (1 - r / 2);
            formula = string.Format(inv, "SR = HHI_WGI,t(global) × IR/2 + HHI_WGI,t(sourcing) × (1 − IR/2) = {0:0.###} × {1:0.###}/2 + {2:0.###} × (1 − {1:0.###}/2) = {3:0.###}",
                gs.HhiWgiT, r, sourcing.HhiWgiT, score);
        }
        else
        {
            score = gs.HhiWgiT;
            var why = !material && imports.HasImports ? "material imports (see materiality)"
                : sourcing is null ? "import-partner data" : "import reliance";
            formula = string.Format(inv, "SR = HHI_WGI,t(global) = {0:0.###} (no {1}; the EU method then uses global supply for both terms)", score, why);
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
        var notInData = MissingEuInputs;
        if (recycling?.RatePercent is { } rate)
        {
            // The one place recycling enters the score (see RecyclingFactor for which UNEP figure is used and why).
            score = RecyclingFactor.Apply(score, recycling);
            formula += string.Format(inv, "; × (1 − recycling {0:0.##} %) = {1:0.###}", rate, score);
            notInData = [.. MissingEuInputs.Skip(1)];
        }
        return new StageRisk(mineral, stage, perspective, table, gs, imports.Year is null ? null : imports, sourcing, ir, reliance.Basis, score, formula,
            notInData, reliance, material, minor, materiality, recycling)
        { RestrictionMateriality = parameters.RestrictionMateriality };
    }

    /// <summary>Whether the stage matters for the perspective (apparent consumption against world supply) and which import suppliers are
    /// too small to drive a headline (below the threshold share of apparent consumption).</summary>
    private static (bool Material, IReadOnlyList<string> Minor, string Basis) Materiality(
        ConcentrationResult global, ImportProfile imports, NetImportReliance reliance, RiskParameters parameters)
    {
        var inv = CultureInfo.InvariantCulture;
        if (!imports.HasImports)
        {
            return (true, [], "no imports to test");
        }
        // Without a comparable production figure, imports alone stand for consumption.
        var consumption = reliance.ApparentConsumption is > 0 ? reliance.ApparentConsumption.Value : imports.TotalImports;
        var minor = imports.Shares.Where(s => s.Value < parameters.MaterialityThreshold * consumption).Select(s => s.Iso3).ToList();
        var comparable = NetImportReliance.Comparable(global.Basis, imports.ContentBasis ?? "");
        if (!comparable || global.Denominator <= 0)
        {
            return (true, minor, string.Create(inv,
                $"suppliers below {parameters.MaterialityThreshold:0.##%} of {consumption:#,0} t are minor; stage materiality not tested (world supply not in the same terms)"));
        }
        var share = consumption / global.Denominator;
        var material = share >= parameters.StageMaterialityThreshold;
        return (material, minor, string.Create(inv,
            $"apparent consumption {consumption:#,0} t = {share:0.####%} of world {global.Key.Stage.ToId()} supply ({global.Denominator:#,0} t, {global.Key.Source} {global.Key.Year}); "
            + $"{(material ? "material" : "not material")} at a threshold of {parameters.StageMaterialityThreshold:0.##%}; "
            + $"suppliers below {parameters.MaterialityThreshold:0.##%} of consumption are minor"));
    }

    /// <summary>The overall score of a mineral: the material stage with the highest score (any stage when none is material; null for no stages).</summary>
    public static StageRisk? Overall(IEnumerable<StageRisk> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var list = stages.ToList();
        var material = list.Where(s => s.IsMaterial).ToList();
        return (material.Count > 0 ? material : list).OrderByDescending(s => s.Score).ThenBy(s => s.Stage).FirstOrDefault();
    }
}
