using Khanij.Analytics.Simulation;
using Khanij.Core;
using Khanij.Core.Partners;
using Khanij.Testing;

namespace Khanij.Analytics.Tests.Simulation;

public sealed class HandComputedTests
{
    private static readonly string[] Abc = ["AAA", "BBB", "CCC"];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Run_HalfCutNoSpare_WorldShortfallIsHalfTheShare(int producer)
    {
        // Given shares 0.6, 0.3, 0.1 and no spare capacity
        double[] mining = [600, 300, 100];
        var network = Networks.MiningOnly("x", Abc, mining, [0, 0, 0]);
        var model = new SimulationModel([network], [Networks.Cut(Abc[producer], "x", Stage.Mining, 0.5, 12)], Networks.Parameters(0));

        // When
        var (reference, fast) = Networks.RunBoth(model);

        // Then
        var share = mining[producer] / 1000;
        var fraction = Networks.Metric(model, "x", "world", "mining", "shortfall_fraction");
        var tonnes = Networks.Metric(model, "x", "world", "mining", "shortfall_t");
        reference[fraction].ShouldBe(0.5 * share, 1e-12);
        fast[fraction].ShouldBe(0.5 * share, 1e-12);
        reference[tonnes].ShouldBe(0.5 * mining[producer], 1e-9);
        fast[tonnes].ShouldBe(0.5 * mining[producer], 1e-9);
    }

    [Fact]
    public void Run_SixMonthsInTwelve_HalvesTheShortfall()
    {
        // Given a 40 % cut by the 0.6-share producer lasting 6 of 12 months, starting in month 3
        var network = Networks.MiningOnly("x", Abc, [600, 300, 100], [0, 0, 0]);
        var model = new SimulationModel([network], [Networks.Cut("AAA", "x", Stage.Mining, 0.4, 6, start: 3)], Networks.Parameters(0));

        // When
        var (reference, fast) = Networks.RunBoth(model);

        // Then 0.4 · 0.6 · 6/12 = 0.12 of the year's supply, 120 t
        var fraction = Networks.Metric(model, "x", "world", "mining", "shortfall_fraction");
        reference[fraction].ShouldBe(0.12, 1e-12);
        fast[fraction].ShouldBe(0.12, 1e-12);
        fast[Networks.Metric(model, "x", "world", "mining", "shortfall_t")].ShouldBe(120, 1e-9);
    }

    [Fact]
    public void Run_SpareCapacity_RefillsUpToTheUnhitProducersSpare()
    {
        // Given a 50 % cut of 600 t and 10 % spare on the other 400 t
        var network = Networks.MiningOnly("x", Abc, [600, 300, 100], [0, 0, 0]);
        var model = new SimulationModel([network], [Networks.Cut("AAA", "x", Stage.Mining, 0.5, 12)], Networks.Parameters(0.1));

        // When
        var (reference, fast) = Networks.RunBoth(model);

        // Then 300 − 40 = 260 t short
        reference[Networks.Metric(model, "x", "world", "mining", "shortfall_t")].ShouldBe(260, 1e-9);
        fast[Networks.Metric(model, "x", "world", "mining", "shortfall_t")].ShouldBe(260, 1e-9);
    }

    [Fact]
    public void Run_MiningCut_ReachesRefiningThroughFeedShares()
    {
        // Given AAA mines 600 and feeds only BBB's refinery; CCC mines 400 and feeds only CCC's refinery.
        // Refining: BBB 700, CCC 300 (shares 0.7 and 0.3).
        double[] feed =
        [
            0, 1, 0,
            0, 0, 0,
            0, 0, 1,
        ];
        var network = Networks.TwoStage("x", Abc, [600, 0, 400], feed, [0, 700, 300], [0, 0, 0]);
        var model = new SimulationModel([network], [Networks.Cut("AAA", "x", Stage.Mining, 0.5, 12)], Networks.Parameters(0));

        // When
        var (reference, fast) = Networks.RunBoth(model);

        // Then mining loses 0.5 · 0.6 = 0.3; BBB's refinery loses half its feed, so refining loses 0.5 · 0.7 = 0.35
        foreach (var row in new[] { reference, fast })
        {
            row[Networks.Metric(model, "x", "world", "mining", "shortfall_fraction")].ShouldBe(0.3, 1e-12);
            row[Networks.Metric(model, "x", "world", "refining", "shortfall_fraction")].ShouldBe(0.35, 1e-12);
            row[Networks.Metric(model, "x", "world", "refining", "shortfall_t")].ShouldBe(350, 1e-9);
        }
    }

    [Fact]
    public void Run_MiningCutOfAnUnrelatedMine_LeavesRefiningWhole()
    {
        // Given CCC's refinery takes all its feed from CCC and BBB's from AAA
        double[] feed = [0, 1, 0, 0, 0, 0, 0, 0, 1];
        var network = Networks.TwoStage("x", Abc, [600, 0, 400], feed, [0, 700, 300], [0, 0, 0]);
        var model = new SimulationModel([network], [Networks.Cut("CCC", "x", Stage.Mining, 1, 12)], Networks.Parameters(0));

        // When
        var (_, fast) = Networks.RunBoth(model);

        // Then CCC's refinery (0.3 of refining) stops
        fast[Networks.Metric(model, "x", "world", "refining", "shortfall_fraction")].ShouldBe(0.3, 1e-12);
    }

    [Fact]
    public void Run_PerspectiveImporter_LosesTheCutShareOfItsSourcing()
    {
        // Given CCC imports 50 t/yr of refined product, sourcing in proportion to world shares (BBB 0.7, CCC 0.3)
        double[] feed = [0, 1, 0, 0, 0, 0, 0, 0, 1];
        var network = Networks.TwoStage("x", Abc, [600, 0, 400], feed, [0, 700, 300], [0, 0, 50]);
        var model = new SimulationModel([network], [Networks.Cut("BBB", "x", Stage.Refining, 0.5, 12)],
            Networks.Parameters(0, perspective: "CCC"));

        // When
        var (reference, fast) = Networks.RunBoth(model);

        // Then CCC loses 0.5 · 0.7 = 35 % of its 50 t
        foreach (var row in new[] { reference, fast })
        {
            row[Networks.Metric(model, "x", "CCC", "refining", "shortfall_fraction")].ShouldBe(0.35, 1e-12);
            row[Networks.Metric(model, "x", "CCC", "refining", "shortfall_t")].ShouldBe(17.5, 1e-9);
        }
    }

    [Fact]
    public void Run_Stockpile_CoversThePerspectiveShortfallFirst()
    {
        // Given the case above with a 10 t stockpile
        double[] feed = [0, 1, 0, 0, 0, 0, 0, 0, 1];
        var network = Networks.TwoStage("x", Abc, [600, 0, 400], feed, [0, 700, 300], [0, 0, 50]);
        var model = new SimulationModel([network], [Networks.Cut("BBB", "x", Stage.Refining, 0.5, 12)],
            Networks.Parameters(0, perspective: "CCC", stockpileTonnes: 10, mineral: "x"));

        // When
        var (reference, fast) = Networks.RunBoth(model);

        // Then 17.5 − 10 = 7.5 t short, 10 t drawn
        foreach (var row in new[] { reference, fast })
        {
            row[Networks.Metric(model, "x", "CCC", "refining", "shortfall_t")].ShouldBe(7.5, 1e-9);
            row[Networks.Metric(model, "x", "CCC", "refining", "stockpile_drawn_t")].ShouldBe(10, 1e-9);
            row[Networks.Metric(model, "x", "CCC", "refining", "shortfall_fraction")].ShouldBe(7.5 / 50, 1e-12);
        }
    }

    [Fact]
    public void Run_PartnerPriority_PartnersSpareServesThePerspectiveFirst()
    {
        // Given refiners AAA 500 (hit by 40 %), BBB 400 (partner of CCC), CCC 100; CCC uses 100 t; spare 10 %
        string[] countries = ["AAA", "BBB", "CCC"];
        var network = new SupplyNetwork("x", countries,
            [new StageLayer(Stage.Refining, [500, 400, 100], StageLayer.ProportionalSourcing([500, 400, 100]))], [0, 0, 100], [], [], []);
        PartnerLink[] partners = [new("CCC", "BBB", ["x"], null, null, "registry", "test")];
        var cut = Networks.Cut("AAA", "x", Stage.Refining, 0.4, 12);
        var pooled = new SimulationModel([network], [cut], Networks.Parameters(0.1, "CCC", priority: false, partners));
        var priority = new SimulationModel([network], [cut], Networks.Parameters(0.1, "CCC", priority: true, partners));

        // When
        var (pooledRef, pooledFast) = Networks.RunBoth(pooled);
        var (priorityRef, priorityFast) = Networks.RunBoth(priority);

        // Then: loss 200 t, spare 50 t (partners BBB+CCC hold all of it). CCC's gross loss is 0.4 · 0.5 · 100 = 20 t.
        // Pooled: everyone keeps 150/200 of the loss → CCC 15 t. Priority: CCC refilled 20 t first → 0.
        // The world is 150 t short either way.
        var cccTonnes = Networks.Metric(pooled, "x", "CCC", "refining", "shortfall_t");
        var world = Networks.Metric(pooled, "x", "world", "refining", "shortfall_t");
        pooledRef[cccTonnes].ShouldBe(15, 1e-9);
        pooledFast[cccTonnes].ShouldBe(15, 1e-9);
        priorityRef[cccTonnes].ShouldBe(0, 1e-9);
        priorityFast[cccTonnes].ShouldBe(0, 1e-9);
        pooledFast[world].ShouldBe(150, 1e-9);
        priorityFast[world].ShouldBe(150, 1e-9);
    }

    [Fact]
    public void Run_DestinationBan_HitsOnlyTheTargetWhenThereIsNoSpare()
    {
        // Given CCC sources 70 % from BBB (proportional sourcing) and BBB bans exports to CCC
        double[] feed = [0, 1, 0, 0, 0, 0, 0, 0, 1];
        var network = Networks.TwoStage("x", Abc, [600, 0, 400], feed, [0, 700, 300], [10, 0, 50]);
        var model = new SimulationModel([network], [Networks.Ban("BBB", "CCC", "x", Stage.Refining, 12)],
            Networks.Parameters(0, perspective: "CCC"));

        // When
        var (reference, fast) = Networks.RunBoth(model);

        // Then CCC misses 70 % of its supply; the world's refiners still produce everything
        foreach (var row in new[] { reference, fast })
        {
            row[Networks.Metric(model, "x", "CCC", "refining", "shortfall_fraction")].ShouldBe(0.7, 1e-12);
            row[Networks.Metric(model, "x", "world", "refining", "shortfall_fraction")].ShouldBe(0, 1e-12);
        }
    }

    [Fact]
    public void Run_BatterySector_TurnsTonnesIntoGwhNotMade()
    {
        // Given a refined shortfall of 350 t, 60 % of use in batteries, half the GWh in a chemistry using 0.1 kg/kWh and
        // half in one using 0.3 kg/kWh
        double[] feed = [0, 1, 0, 0, 0, 0, 0, 0, 1];
        EndUseSector[] sectors = [new("Electric vehicles", 0.6, true), new("Other uses", 0.4, false)];
        BatteryChemistryShare[] chemistries = [new("LOW", 0.5, 0.1), new("HIGH", 0.5, 0.3), new("NONE", 0, 0.5)];
        var network = Networks.TwoStage("x", Abc, [600, 0, 400], feed, [0, 700, 300], [0, 0, 0], sectors, chemistries);
        var model = new SimulationModel([network], [Networks.Cut("AAA", "x", Stage.Mining, 0.5, 12)], Networks.Parameters(0));

        // When
        var (reference, fast) = Networks.RunBoth(model);

        // Then battery tonnes 210; t per GWh of the mix = 1000 · (0.5·0.1 + 0.5·0.3) = 200, so 1.05 GWh, half of each
        foreach (var row in new[] { reference, fast })
        {
            row[Networks.Metric(model, "x", "world", "Electric vehicles", "shortfall_t")].ShouldBe(210, 1e-9);
            row[Networks.Metric(model, "x", "world", "Other uses", "shortfall_t")].ShouldBe(140, 1e-9);
            row[Networks.Metric(model, "x", "world", "LOW", "gwh_not_made")].ShouldBe(0.525, 1e-12);
            row[Networks.Metric(model, "x", "world", "HIGH", "gwh_not_made")].ShouldBe(0.525, 1e-12);
        }
        model.Metrics.ShouldNotContain(m => m.Sector == "NONE");
    }

    [Fact]
    public void Model_ShockOnCountryWithoutOutput_IsReportedAsNoEffect()
    {
        // Given a country absent from the network
        var network = Networks.MiningOnly("x", Abc, [600, 300, 100], [0, 0, 0]);

        // When
        var model = new SimulationModel([network], [Networks.Cut("ZZZ", "x", Stage.Mining, 0.5, 12)], Networks.Parameters(0), ResxPhrasebook.English);

        // Then
        model.Warnings.ShouldContain(w => w.Contains("ZZZ", StringComparison.Ordinal) && w.Contains("no effect", StringComparison.Ordinal));
        Networks.RunBoth(model).Fast[Networks.Metric(model, "x", "world", "mining", "shortfall_fraction")].ShouldBe(0);
    }
}
