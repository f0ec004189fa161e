using Khanij.Analytics.Simulation;
using Khanij.Core;
using Khanij.Core.Partners;

namespace Khanij.Analytics.Tests.Simulation;

/// <summary>Small hand-made networks and helpers for the simulation tests.</summary>
internal static class Networks
{
    /// <summary>One mining layer; receivers buy in proportion to world shares.</summary>
    public static SupplyNetwork MiningOnly(string mineral, string[] countries, double[] mining, double[] consumption) =>
        new(mineral, countries, [new StageLayer(Stage.Mining, mining, StageLayer.ProportionalSourcing(mining))], consumption, [], [], []);

    /// <summary>Mining then refining with explicit feed shares (row-major producer × receiver) and proportional refined sourcing.</summary>
    public static SupplyNetwork TwoStage(string mineral, string[] countries, double[] mining, double[] feedShares, double[] refining,
        double[] consumption, IReadOnlyList<EndUseSector>? sectors = null, IReadOnlyList<BatteryChemistryShare>? chemistries = null) =>
        new(mineral, countries,
            [new StageLayer(Stage.Mining, mining, feedShares), new StageLayer(Stage.Refining, refining, StageLayer.ProportionalSourcing(refining))],
            consumption, sectors ?? [], chemistries ?? [], []);

    public static ShockEvent Cut(string country, string mineral, Stage stage, double fraction, double months, double start = 0) =>
        new($"{country} {stage.ToId()} cut", ShockKind.Cut, country, null, [mineral], stage, Distribution.Fixed(fraction),
            Distribution.Fixed(months), Distribution.Fixed(start), 1);

    public static ShockEvent Ban(string country, string target, string mineral, Stage stage, double months) =>
        new($"{country}→{target} ban", ShockKind.DestinationBan, country, target, [mineral], stage, Distribution.Fixed(1),
            Distribution.Fixed(months), Distribution.Fixed(0), 1);

    public static SimulationParameters Parameters(double spare, string? perspective = null, bool priority = false,
        IReadOnlyList<PartnerLink>? partners = null, double stockpileTonnes = -1, string mineral = "") =>
        new(spare, 12, perspective,
            stockpileTonnes >= 0 ? new Dictionary<string, double> { [mineral] = stockpileTonnes } : new Dictionary<string, double>(),
            0, priority, partners ?? []);

    /// <summary>Runs the model once (central values) on both engines and returns both rows.</summary>
    public static (double[] Reference, double[] Fast) RunBoth(SimulationModel model, int runs = 1, ulong seed = 1)
    {
        var reference = new ReferenceEngine().Run(model, runs, seed, cancellationToken: TestContext.Current.CancellationToken);
        var fast = new FastEngine(1).Run(model, runs, seed, cancellationToken: TestContext.Current.CancellationToken);
        return (reference.Row(0).ToArray(), fast.Row(0).ToArray());
    }

    public static int Metric(SimulationModel model, string mineral, string scope, string stageOrSector, string measure)
    {
        for (var i = 0; i < model.Metrics.Count; i++)
        {
            var m = model.Metrics[i];
            if (m.MineralId == mineral && m.Scope == scope && (m.Stage ?? m.Sector) == stageOrSector && m.Measure == measure)
            {
                return i;
            }
        }
        throw new InvalidOperationException($"No metric {mineral}/{stageOrSector}/{scope}/{measure}.");
    }
}
