using Khanij.Analytics.Demand;
using Khanij.Core;
using Khanij.Core.Facts;
using Khanij.Testing;

namespace Khanij.Analytics.Tests.Demand;

public sealed class SupplyGapTests
{
    private static readonly Provenance P = new("f.csv", 3, "ed", "t", "200", "India");

    private static MineralNeeds Needs(double gwh) => NeedsCalculator.Compute(
        new DemandScenario("s", "IND", null,
            new Dictionary<string, DemandSource> { ["a"] = new("a", "P", "D", 2024, null, false, null) },
            [new Deployment("battery_cells", 2030, gwh, "GWh", DeploymentMeasure.PerYear, "a", new Dictionary<string, double> { ["LFP"] = 1 }, "a", null)], []),
        [new BatteryIntensity("lithium", "LFP", 0.1, P)]);

    [Fact]
    public void Compute_ProductionAndPartnerImports_LeaveTheRestUnsecured()
    {
        // Given: need = 10 GWh × 0.1 kg/kWh × 1000 = 1000 t Li in 2030; India produces 200 t (USGS); imports 300 t contained from AUS (MSP and
        // registry partner), 400 t from CHL (not a partner, so not secured).
        var supply = new[] { new SupplyFact("usgs", "lithium", Stage.Mining, "IND", null, 2025, null, "mine production", 200, "t", "Li content", true, P) };
        var imports = new Dictionary<string, IReadOnlyList<ImportSupplier>>
        {
            ["lithium"] =
            [
                new ImportSupplier("AUS", 300, true, 2023, "contained Li", "trade.csv", ["framework:MSP", "registry"]),
                new ImportSupplier("CHL", 400, true, 2023, "contained Li", "trade.csv", []),
            ],
        };

        // When
        var row = SupplyGap.Compute(Needs(10), supply, [], imports).ShouldHaveSingleItem();

        // Then: secured = 200 + 300 = 500; unsecured = 1000 − 500 = 500. Both partnership bases show AUS's 300 t.
        row.NeedTonnes.ShouldBe(1000, 1e-9);
        row.SecuredTonnes.ShouldBe(500, 1e-9);
        row.UnsecuredTonnes.ShouldBe(500, 1e-9);
        row.IsUpperBound.ShouldBeFalse();
        row.ByPartnership["framework:MSP"].ShouldBe(300);
        row.ByPartnership["registry"].ShouldBe(300);
        row.Items.ShouldNotContain(i => i.Label.Contains("CHL"));
    }

    [Fact]
    public void Compute_GrossTonnesAndMissingProduction_AreListedNotCountedOrZeroFilled()
    {
        // Given: no USGS row for India; imports only in gross tonnes of product.
        var imports = new Dictionary<string, IReadOnlyList<ImportSupplier>>
        {
            ["lithium"] = [new ImportSupplier("AUS", 300, false, 2021, "gross t", "trade.csv", ["framework:MSP"])],
        };

        // When
        var row = SupplyGap.Compute(Needs(10), [], [], imports, ResxPhrasebook.English).ShouldHaveSingleItem();

        // Then
        row.SecuredTonnes.ShouldBe(0);
        row.UnsecuredTonnes.ShouldBe(1000, 1e-9);
        row.IsUpperBound.ShouldBeTrue();
        row.Items.ShouldContain(i => i.Kind == "domestic_production" && i.Tonnes == null && i.NotCounted != null);
        row.Items.ShouldContain(i => i.Kind == "partner_imports" && i.Tonnes == 300 && i.NotCounted!.Contains("gross tonnes"));
    }
}
