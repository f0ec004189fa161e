using Khanij.Analytics.Simulation;
using Khanij.Core;
using Khanij.Core.Facts;
using Khanij.Testing;

namespace Khanij.Analytics.Tests.Simulation;

public sealed class NetworkBuilderTests
{
    private static readonly Provenance Prov = new("test.csv", 2, "Test edition", "t", "1", "label");

    private static SupplyFact Supply(string source, Stage stage, string? iso3, double value, int year = 2024, string? aggregate = null,
        bool estimate = false, string label = "label") =>
        new(source, "lithium", stage, iso3, aggregate, year, null, stage == Stage.Mining ? "mine production" : "refined production", value, "t",
            "Li content", estimate, Prov with { OriginalLabel = label });

    private static SankeyFlow Flow(string? fromIso3, string fromKind, string toIso3, double tonnes) =>
        new("lithium", 2020, (fromIso3 ?? "Unknown") + "_mine", fromKind, fromIso3, null, toIso3 + "_ref_poss", "ref_poss", toIso3, null, tonnes, Prov);

    private static NetworkInputs Inputs(IReadOnlyList<SupplyFact> supply, IReadOnlyList<SankeyFlow>? sankey = null,
        IReadOnlyList<TradeFlow>? trade = null, string? perspective = null) =>
        new("lithium", supply, sankey ?? [], trade ?? [], [], [], NetworkBuilder.DefaultBatteryMix, perspective, []) { Phrases = ResxPhrasebook.English };

    [Fact]
    public void Build_SankeyFeed_UsesFlowSharesAndSpreadsUnknownOreByMiningShares()
    {
        // Given miners AUS 60 / CHL 40, refiners CHN 100 (30 % of its ore from AUS, 70 % unknown) and USA 50 (no flows)
        var supply = new[]
        {
            Supply("iea", Stage.Mining, "AUS", 60), Supply("iea", Stage.Mining, "CHL", 40),
            Supply("iea", Stage.Refining, "CHN", 100), Supply("iea", Stage.Refining, "USA", 50),
        };
        var sankey = new[] { Flow("AUS", "mine", "CHN", 30), Flow(null, "mine", "CHN", 70) };

        // When
        var network = NetworkBuilder.Build(Inputs(supply, sankey), out var whyNot).ShouldNotBeNull();

        // Then
        whyNot.ShouldBeNull();
        var mining = network.Layers[0];
        int Ix(string c) => network.IndexOf(c);
        mining.Share(Ix("AUS"), Ix("CHN")).ShouldBe(0.3 + 0.7 * 0.6, 1e-12);
        mining.Share(Ix("CHL"), Ix("CHN")).ShouldBe(0.7 * 0.4, 1e-12);
        mining.Share(Ix("AUS"), Ix("USA")).ShouldBe(0.6, 1e-12);
        network.Notes.ShouldContain(n => n.Contains("Sankey", StringComparison.Ordinal) && n.Contains("CHN", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_RestOfWorldRow_CountsInSharesAndWorldTotalDoesNot()
    {
        // Given CHN 60, a rest-of-world row 40 and a world total row 100
        var supply = new[]
        {
            Supply("iea", Stage.Mining, "CHN", 60), Supply("iea", Stage.Mining, null, 40, aggregate: "rest_of_world", label: "Rest of world"),
            Supply("iea", Stage.Mining, null, 100, aggregate: "world_total", label: "World"),
        };

        // When
        var network = NetworkBuilder.Build(Inputs(supply), out _).ShouldNotBeNull();

        // Then CHN's share is 0.6 and the aggregate is a pseudo-node no ISO3 shock can reach
        network.Share(0, network.IndexOf("CHN")).ShouldBe(0.6, 1e-12);
        network.Countries.ShouldContain("~Rest of world");
        network.Layers.Single().TotalCapacity.ShouldBe(100);
    }

    [Fact]
    public void Build_EstimatedLatestYear_UsesTheLatestActualYear()
    {
        // Given USGS actuals for 2024 and estimates for 2025
        var supply = new[]
        {
            Supply("usgs", Stage.Mining, "AUS", 80, 2024), Supply("usgs", Stage.Mining, "CHL", 20, 2024),
            Supply("usgs", Stage.Mining, "AUS", 50, 2025, estimate: true), Supply("usgs", Stage.Mining, "CHL", 50, 2025, estimate: true),
        };

        // When
        var network = NetworkBuilder.Build(Inputs(supply), out _).ShouldNotBeNull();

        // Then
        network.Share(0, network.IndexOf("AUS")).ShouldBe(0.8, 1e-12);
        network.Notes.ShouldContain(n => n.Contains("2024", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_ImporterTrade_GivesElementTonnesAndSourcingShares()
    {
        // Given refiners CHN 900 and CHL 100; IND imports 1000 t of lithium carbonate from CHN and 500 t from ARG (no refining data)
        var supply = new[] { Supply("iea", Stage.Refining, "CHN", 900), Supply("iea", Stage.Refining, "CHL", 100) };
        // The content factor is the test's own stoichiometry of Li2CO3 (2 × 6.94 / 73.89), carried by the flow's catalogue entry.
        var code = new TradeCode("283691", "lithium", Stage.Refining, "lithium carbonates", TradeCodeKind.Specific, 0.1879, "Li content", "stoichiometry");
        TradeFlow Import(string partner, double t) => new("283691", "lithium", "IND", partner, null, "import", false, 2021, t, "t", Prov, code);
        var trade = new[] { Import("CHN", 1000), Import("ARG", 500) };

        // When
        var network = NetworkBuilder.Build(Inputs(supply, trade: trade, perspective: "IND"), out _).ShouldNotBeNull();

        // Then use = 1500 · 0.1879 t of Li; ARG's part is spread over refiners by world share (no rest-of-world node)
        var ind = network.IndexOf("IND");
        var total = 1500 * 0.1879;
        network.Consumption[ind].ShouldBe(total, 1e-9);
        var layer = network.Layers.Single();
        layer.Share(network.IndexOf("CHN"), ind).ShouldBe((1000 * 0.1879 + 500 * 0.1879 * 0.9) / total, 1e-12);
        layer.Share(network.IndexOf("CHL"), ind).ShouldBe(500 * 0.1879 * 0.1 / total, 1e-12);
    }

    [Fact]
    public void Build_NoSupply_SaysWhy()
    {
        // Given / When
        var network = NetworkBuilder.Build(Inputs([]), out var whyNot);

        // Then
        network.ShouldBeNull();
        whyNot.ShouldNotBeNull().ShouldContain("no mining or refining supply");
    }

    [Fact]
    public void BuiltNetwork_HalfCutNoSpare_WorldShortfallIsHalfTheShare()
    {
        // Given a built network with CHN 70 % of mining and a proportional refining stage
        var supply = new[]
        {
            Supply("iea", Stage.Mining, "CHN", 70), Supply("iea", Stage.Mining, "AUS", 30),
            Supply("iea", Stage.Refining, "CHN", 90), Supply("iea", Stage.Refining, "JPN", 10),
        };
        var network = NetworkBuilder.Build(Inputs(supply, perspective: "IND"), out _).ShouldNotBeNull();
        var model = new SimulationModel([network], [Networks.Cut("CHN", "lithium", Stage.Mining, 0.5, 12)],
            Networks.Parameters(0, perspective: "IND"));

        // When
        var (reference, fast) = Networks.RunBoth(model);

        // Then mining loses 0.35 of world supply, and so does every refiner (they buy ore by mining share)
        foreach (var row in new[] { reference, fast })
        {
            row[Networks.Metric(model, "lithium", "world", "mining", "shortfall_fraction")].ShouldBe(0.35, 1e-12);
            row[Networks.Metric(model, "lithium", "world", "refining", "shortfall_fraction")].ShouldBe(0.35, 1e-12);
            row[Networks.Metric(model, "lithium", "IND", "refining", "shortfall_fraction")].ShouldBe(0.35, 1e-12);
        }
    }
}
