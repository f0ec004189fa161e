using Khanij.Analytics.Risk;
using Khanij.Core;
using Khanij.Core.Facts;

namespace Khanij.Analytics.Tests.Risk;

public sealed class SupplyRiskTests
{
    private static readonly GovernanceIndex Wgi = GovernanceIndex.Build(
        [
            new GovernanceScore("AAA", "CC", 2022, 0, null, Fact.Prov("AAA")),   // 5
            new GovernanceScore("BBB", "CC", 2022, 1.5, null, Fact.Prov("BBB")), // 2
        ], ["CC"], null);

    private static TradeFlow Import(string partner, double qty) =>
        new("810520", "testium", "IND", partner, null, "import", false, 2021, qty, "t", Fact.Prov(partner), Fact.Code("810520", "testium"));

    [Fact]
    public void ForStage_NonProducerWithImports_BlendsGlobalAndSourcingByImportReliance()
    {
        // Given: world supply AAA 80 %, BBB 20 %; IND imports 50/50 from AAA and BBB and produces nothing
        var global = SupplyConcentration.Compute([Fact.Country("AAA", 80, stage: Stage.Refining, basis: "Co content"),
            Fact.Country("BBB", 20, stage: Stage.Refining, basis: "Co content")]);
        var flows = new[] { Import("AAA", 50), Import("BBB", 50) };

        // When
        var risk = SupplyRisk.ForStage(global, Wgi, [], flows, [], "IND", RiskParameters.Default);

        // Then: GS = .64×5 + .04×2 = 3.28; sourcing = .25×5 + .25×2 = 1.75; IR = 1 → 3.28/2 + 1.75/2
        risk.GlobalGovernance.HhiWgiT.ShouldBe(3.28, 1e-12);
        risk.SourcingGovernance!.HhiWgiT.ShouldBe(1.75, 1e-12);
        risk.ImportReliance.ShouldBe(1);
        risk.Score.ShouldBe((3.28 + 1.75) / 2, 1e-12);
        risk.NotInData.Count.ShouldBe(2);
    }

    [Fact]
    public void ForStage_PerspectiveProduces_NetImportRelianceFromProductionAndContainedImports()
    {
        // Given: IND produces 20 of a world 100 and imports 50 from AAA; no export report
        var global = SupplyConcentration.Compute(
            [Fact.Country("AAA", 80, stage: Stage.Refining, basis: "Co content"), Fact.Country("IND", 20, stage: Stage.Refining, basis: "Co content")]);
        var flows = new[] { Import("AAA", 50) };

        // When
        var risk = SupplyRisk.ForStage(global, Wgi, [], flows, [], "IND", RiskParameters.Default);

        // Then: IR = 50 / (20 + 50); exports unknown, so an upper bound. GS = .64 × 5 (IND has no WGI); sourcing = 1 × 5.
        var ir = 50.0 / 70;
        risk.ImportReliance!.Value.ShouldBe(ir, 1e-12);
        risk.Reliance.IsUpperBound.ShouldBeTrue();
        risk.Reliance.ApparentConsumption.ShouldBe(70);
        risk.ImportRelianceBasis.ShouldContain("exports not reported");
        risk.Score.ShouldBe(3.2 * ir / 2 + 5 * (1 - ir / 2), 1e-12);
        risk.GlobalGovernance.MissingWgi.ShouldBe(["IND"]);
    }

    [Fact]
    public void ForStage_BasesNotComparable_RelianceMissingAndGlobalTermUsed()
    {
        // Given: production in tonnes of ore, trade in tonnes of Co content
        var global = SupplyConcentration.Compute(
            [Fact.Country("AAA", 80, stage: Stage.Refining, basis: "gross weight"), Fact.Country("IND", 20, stage: Stage.Refining, basis: "gross weight")]);

        // When
        var risk = SupplyRisk.ForStage(global, Wgi, [], [Import("AAA", 50)], [], "IND", RiskParameters.Default);

        // Then
        risk.ImportReliance.ShouldBeNull();
        risk.ImportRelianceBasis.ShouldContain("not comparable");
        risk.Score.ShouldBe(3.2, 1e-12);
    }

    [Fact]
    public void Overall_IsTheMaximumOverStages()
    {
        // Given
        var mining = SupplyConcentration.Compute([Fact.Country("AAA", 50), Fact.Country("BBB", 50)]);
        var refining = SupplyConcentration.Compute([Fact.Country("AAA", 100, stage: Stage.Refining)]);
        var stages = new[] { mining, refining }.Select(g => SupplyRisk.ForStage(g, Wgi, [], [], [], "IND", RiskParameters.Default)).ToList();

        // When
        var overall = SupplyRisk.Overall(stages)!;

        // Then
        overall.Stage.ShouldBe(Stage.Refining);
        overall.Score.ShouldBe(stages.Max(s => s.Score));
    }

    [Fact]
    public void Importance_MineralWithoutDemandData_IsMissingNotZero()
    {
        // Given
        var demand = new[]
        {
            new DemandFigure("total_demand", "lithium", "Total demand", "STEPS", 2040, 1000, Fact.Prov("d")),
            new DemandFigure("total_demand", "lithium", "Total clean technologies", "STEPS", 2040, 900, Fact.Prov("d")),
            new DemandFigure("total_demand", "lithium", "Total demand", "Historical", 2024, 200, Fact.Prov("d")),
        };

        // When
        var lithium = Criticality.Importance(demand, "lithium", RiskParameters.Default);
        var gallium = Criticality.Importance(demand, "gallium", RiskParameters.Default);

        // Then
        lithium.Value!.Value.ShouldBe(9, 1e-12);
        lithium.Growth!.Value.ShouldBe(5, 1e-12);
        gallium.Value.ShouldBeNull();
        gallium.Basis.ShouldStartWith("not in data");
    }
}
