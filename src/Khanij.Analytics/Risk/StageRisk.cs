using Khanij.Core;

namespace Khanij.Analytics.Risk;

/// <summary>EU-style supply risk of one mineral at one stage for one perspective country, with every input it used.</summary>
/// <param name="MineralId">Catalogue mineral id.</param>
/// <param name="Stage">Stage.</param>
/// <param name="Perspective">The country whose supply is assessed (ISO3).</param>
/// <param name="Global">Global supply concentration the score starts from.</param>
/// <param name="GlobalGovernance">HHI_WGI and HHI_WGI,t of global supply.</param>
/// <param name="Imports">The perspective country's import profile, or null when no trade data covers this mineral and stage.</param>
/// <param name="SourcingGovernance">HHI_WGI,t of the import partners (partner factor applied), or null without imports.</param>
/// <param name="ImportReliance">Import reliance 0–1, or null when it cannot be computed honestly (see <paramref name="ImportRelianceBasis"/>).</param>
/// <param name="ImportRelianceBasis">How the import reliance was found, or why it is missing.</param>
/// <param name="Score">Supply risk: HHI_WGI,t(global) × IR/2 + HHI_WGI,t(sourcing) × (1 − IR/2) when both are known, else HHI_WGI,t(global).</param>
/// <param name="Formula">The formula actually applied, with its numbers.</param>
/// <param name="NotInData">Inputs of the EU method that the data pack lacks and how the score treats them.</param>
/// <param name="Reliance">Net import reliance with its inputs (production, imports, exports, apparent consumption).</param>
/// <param name="IsMaterial">False when the perspective's apparent consumption at this stage is below
/// <see cref="RiskParameters.StageMaterialityThreshold"/> of world supply: the stage then does not set the mineral's overall score, and its
/// import partners do not enter the score.</param>
/// <param name="MinorSuppliers">Import suppliers below <see cref="RiskParameters.MaterialityThreshold"/> of apparent consumption: listed, never headlines.</param>
/// <param name="MaterialityBasis">The materiality test with its numbers.</param>
/// <param name="Recycling">The recycling input applied as × (1 − rate), with its source and UNEP's printed ranges; null when none was given.</param>
public sealed record StageRisk(
    string MineralId,
    Stage Stage,
    string Perspective,
    ConcentrationResult Global,
    GovernanceWeighted GlobalGovernance,
    ImportProfile? Imports,
    GovernanceWeighted? SourcingGovernance,
    double? ImportReliance,
    string ImportRelianceBasis,
    double Score,
    string Formula,
    IReadOnlyList<string> NotInData,
    NetImportReliance Reliance,
    bool IsMaterial,
    IReadOnlyList<string> MinorSuppliers,
    string MaterialityBasis,
    RecyclingInput? Recycling = null)
{
    /// <summary>The largest import supplier that is material (at or above the materiality threshold), or null.</summary>
    public CountryShare? TopMaterialSupplier => Imports?.Shares.FirstOrDefault(s => !MinorSuppliers.Contains(s.Iso3, StringComparer.Ordinal));

    /// <summary>The materiality threshold the headline restriction figures use (<see cref="RiskParameters.RestrictionMateriality"/>).</summary>
    public double RestrictionMateriality { get; init; } = 0.01;

    /// <summary>Every producer with a restriction in force at this stage, largest share first.</summary>
    public IReadOnlyList<GovernanceTerm> RestrictingProducers =>
        [.. GlobalGovernance.Terms.Where(t => t.RestrictionIds.Count > 0).OrderByDescending(t => t.Share).ThenBy(t => t.Iso3, StringComparer.Ordinal)];

    /// <summary>Restricting producers whose share of world supply is at least <see cref="RestrictionMateriality"/>: the ones a headline may name.</summary>
    public IReadOnlyList<GovernanceTerm> MaterialRestrictingProducers =>
        [.. RestrictingProducers.Where(t => t.Share >= RestrictionMateriality)];

    /// <summary>Headline restricted share: Σ share of the material restricting producers (0–1).</summary>
    public double RestrictedShare => MaterialRestrictingProducers.Sum(t => t.Share);
}
