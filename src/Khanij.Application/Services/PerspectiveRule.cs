using System.Globalization;
using Khanij.Analytics.Risk;
using Khanij.Core.Facts;

namespace Khanij.Application.Services;

/// <summary>The perspective rule (docs/risk.md §7): a country's own output is domestic supply, never its exposure. Its exposure at a stage is
/// measured over the rest of the world's supply (the table without its own rows; a published world total is reduced by its output) and over
/// its imports. The world table is still shown as it is, with the country's share of it as <c>domestic_share</c>.</summary>
internal static class PerspectiveRule
{
    private static readonly string[] TotalKinds = ["world_total", "total"];

    /// <summary>The supply facts with <paramref name="perspective"/>'s own rows removed and published totals reduced by its output. A table whose
    /// only rows are the perspective's keeps them at zero, so it still exists (with no supply to be exposed to).</summary>
    public static IReadOnlyList<SupplyFact> WithoutOwnOutput(IEnumerable<SupplyFact> facts, string perspective)
    {
        var result = new List<SupplyFact>();
        foreach (var table in facts.GroupBy(f => (f.Source, f.MineralId, f.Stage, f.Year, f.Scenario, f.Measure)))
        {
            var own = table.Where(f => f.IsCountry && f.Iso3 == perspective).ToList();
            var ownValue = own.Sum(f => f.Value ?? 0);
            var others = table.Where(f => !(f.IsCountry && f.Iso3 == perspective)).ToList();
            if (others.Count == 0)
            {
                result.AddRange(own.Select(f => f with { Value = 0 }));
                continue;
            }
            result.AddRange(others.Select(f => !f.IsCountry && TotalKinds.Contains(f.AggregateKind ?? "") && f.Value is { } total && ownValue > 0
                ? f with { Value = Math.Max(0, total - ownValue) }
                : f));
        }
        return result;
    }

    /// <summary>Scores every table of <paramref name="facts"/> for <paramref name="perspective"/> under the rule; <paramref name="cancellationToken"/>
    /// is checked between tables, so a request whose caller has gone stops there.</summary>
    public static IReadOnlyList<PerspectiveStage> Score(IReadOnlyList<SupplyFact> facts, RiskInputs inputs, GovernanceIndex governance,
        PartnerSet partners, string perspective, RiskParameters parameters, CancellationToken cancellationToken = default,
        Khanij.Core.Text.IPhrasebook? phrases = null)
    {
        var say = phrases ?? Localization.Messages.Phrasebook;
        var world = SupplyConcentration.ComputeAll(facts, say);
        var rest = SupplyConcentration.ComputeAll(WithoutOwnOutput(facts, perspective), say).ToDictionary(t => t.Key);
        var result = new List<PerspectiveStage>(world.Count);
        foreach (var w in world)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var domestic = w.Shares.FirstOrDefault(s => s.Iso3 == perspective);
            var onWorld = SupplyRisk.ForStage(w, governance, inputs.Restrictions, inputs.TradeOf(w.Key.MineralId), partners.Links, perspective, parameters,
                inputs.RecyclingFor(w.Key.MineralId), say);
            if (domestic is not { Value: > 0 } || !rest.TryGetValue(w.Key, out var r))
            {
                result.Add(new PerspectiveStage(w, onWorld, domestic));
                continue;
            }
            var onRest = SupplyRisk.ForStage(r, governance, inputs.Restrictions, inputs.TradeOf(r.Key.MineralId), partners.Links, perspective, parameters,
                inputs.RecyclingFor(r.Key.MineralId), say);
            result.Add(new PerspectiveStage(w, Combine(onRest, onWorld, domestic, w), domestic));
        }
        return result;
    }

    /// <summary>The risk over the rest of the world, with the net import reliance and materiality found on the world table (where the country's
    /// own production is known) and the EU formula of docs/risk.md §5 applied to the rest-of-world governance term.</summary>
    private static StageRisk Combine(StageRisk onRest, StageRisk onWorld, Khanij.Analytics.Risk.CountryShare domestic, ConcentrationResult world)
    {
        var inv = CultureInfo.InvariantCulture;
        var g = onRest.GlobalGovernance.HhiWgiT;
        double score;
        string formula;
        if (onWorld.ImportReliance is { } ir && onWorld.SourcingGovernance is { } sourcing)
        {
            score = g * ir / 2 + sourcing.HhiWgiT * (1 - ir / 2);
            formula = string.Format(inv, "SR = HHI_WGI,t(rest of world) × IR/2 + HHI_WGI,t(sourcing) × (1 − IR/2) = {0:0.###} × {1:0.###}/2 + {2:0.###} × (1 − {1:0.###}/2) = {3:0.###}",
                g, ir, sourcing.HhiWgiT, score);
        }
        else
        {
            score = g;
            var why = !onWorld.IsMaterial && onWorld.Imports is { HasImports: true } ? "material imports (see materiality)"
                : onWorld.SourcingGovernance is null ? "import-partner data" : "import reliance";
            formula = string.Format(inv, "SR = HHI_WGI,t(rest of world) = {0:0.###} (no {1}; the EU method then uses global supply for both terms)",
                score, why);
        }
        formula += string.Format(inv, "; {0}'s own output ({1:#,0.###} {2}, {3:0.#} % of world) is domestic supply, not exposure",
            onRest.Perspective, domestic.Value, world.Unit, 100 * domestic.Share);
        return onRest with
        {
            ImportReliance = onWorld.ImportReliance,
            ImportRelianceBasis = onWorld.ImportRelianceBasis,
            Reliance = onWorld.Reliance,
            IsMaterial = onWorld.IsMaterial,
            MinorSuppliers = onWorld.MinorSuppliers,
            MaterialityBasis = onWorld.MaterialityBasis,
            SourcingGovernance = onWorld.SourcingGovernance,
            Score = score,
            Formula = formula,
        };
    }
}

/// <summary>One table scored for a perspective country: the world table as published, the risk over the supply the country is exposed to
/// (<see cref="StageRisk.Global"/> is the rest-of-world table when the country produces), and the country's own share of world supply.</summary>
internal sealed record PerspectiveStage(ConcentrationResult World, StageRisk Risk, Khanij.Analytics.Risk.CountryShare? Domestic)
{
    /// <summary>The table exposure is measured over: the world without the country's own output.</summary>
    public ConcentrationResult Exposure => Risk.Global;

    /// <summary>True when the country's own output was taken out of its exposure.</summary>
    public bool ExcludesOwnOutput => Domestic is { Value: > 0 };
}
