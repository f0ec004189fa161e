using Khanij.Application;
using Khanij.Application.Services;
using Khanij.Analytics.Risk;
using Khanij.Cli.Reports;
using Khanij.Core;
using Khanij.Core.Catalogue;
using Khanij.Core.Facts;
using Khanij.Data;
using Khanij.Testing;

namespace Khanij.Cli.Tests.Risk;

public sealed class BriefReportTests
{
    private static readonly KhanijCatalogue Catalogue = CatalogueLoader.Load(RepoPaths.Data);

    private static Provenance Prov(string label) => new("synthetic.csv", 1, "synthetic", "t", "", label);

    // A synthetic trade code whose tonnes are taken as lithium tonnes (factor 1), so the figures below stay easy to check by hand.
    private static readonly TradeCode Carbonate =
        new("283691", "lithium", Stage.Refining, "lithium carbonates", TradeCodeKind.Specific, 1, "Li content", "synthetic");

    private static SupplyFact Supply(string mineral, Stage stage, string? iso3, double value, string? aggregate = null, string source = "usgs") =>
        new(source, mineral, stage, iso3, aggregate, 2024, null, "production", value, "t", mineral == "lithium" ? "Li content" : "content", false,
            Prov(iso3 ?? aggregate!));

    private static GovernanceScore Wgi(string iso3, double estimate) => new(iso3, "CC", 2022, estimate, null, Prov(iso3));

    /// <summary>Two minerals, two stages, one restriction, India's lithium-chemical imports and IEA-style demand: small enough to check by eye.</summary>
    private static RiskInputs Inputs() => new(
        Supply:
        [
            Supply("rare_earths", Stage.Mining, "CHN", 70), Supply("rare_earths", Stage.Mining, "USA", 20), Supply("rare_earths", Stage.Mining, null, 10, "other"),
            Supply("rare_earths", Stage.Refining, "CHN", 90, source: "iea"), Supply("rare_earths", Stage.Refining, "MYS", 10, source: "iea"),
            Supply("lithium", Stage.Mining, "AUS", 50), Supply("lithium", Stage.Mining, "CHL", 30), Supply("lithium", Stage.Mining, "CHN", 20),
            Supply("lithium", Stage.Refining, "CHN", 60, source: "iea"), Supply("lithium", Stage.Refining, "CHL", 40, source: "iea"),
        ],
        Governance: [Wgi("CHN", -0.5), Wgi("USA", 1.5), Wgi("AUS", 2), Wgi("CHL", 1), Wgi("MYS", 0.5)],
        Restrictions:
        [
            new ExportRestriction("TEST-REE", "CHN", "export_licensing", ["rare_earths"], "oxides and metals", "all", "", "", "", "in_force", "high", "",
                Prov("TEST-REE")) { Stages = [Stage.Refining] },
        ],
        Trade:
        [
            new TradeFlow("283691", "lithium", "IND", "CHL", null, "import", false, 2021, 300, "t", Prov("CHL"), Carbonate),
            new TradeFlow("283691", "lithium", "IND", "CHN", null, "import", false, 2021, 100, "t", Prov("CHN"), Carbonate),
        ],
        Demand:
        [
            new DemandFigure("total_demand", "lithium", "Total demand", "STEPS", 2040, 1000, Prov("d")),
            new DemandFigure("total_demand", "lithium", "Total clean technologies", "STEPS", 2040, 900, Prov("d")),
            new DemandFigure("total_demand", "lithium", "Total demand", "Historical", 2024, 250, Prov("d")),
        ],
        Published: []);

    private static PartnerSet Quad() => PartnerSet.Of("IND", ["QUAD"], FrameworkPartners.For("IND", Catalogue.Frameworks, ["QUAD"]));

    [Fact]
    public void Build_SyntheticInputs_RanksByScoreWithRestrictionsAndImports()
    {
        // When
        var model = BriefBuilder.Build(Inputs(), Catalogue, "IND", 2024, null, Quad(), RiskParameters.Default);

        // Then: REE refining = .81×6×1.1 + .01×4 (MYS not restricted here: its scope is not about ores and no MYS restriction exists)
        model.Rows.Select(r => (r.MineralId, r.Stage)).First().ShouldBe(("rare_earths", Stage.Refining));
        model.Rows[0].Risk.Score.ShouldBe(0.81 * 6 * 1.1 + 0.01 * 4, 1e-12);
        model.Rows.Select(r => r.Risk.Score).ShouldBeInOrder(SortDirection.Descending);
        model.Rows[0].RestrictingProducers.ShouldBe(["CHN"]);
        var lithiumRefining = model.Rows.Single(r => r.MineralId == "lithium" && r.Stage == Stage.Refining);
        lithiumRefining.Risk.Imports!.Shares.Select(s => s.Iso3).ShouldBe(["CHL", "CHN"]);
        lithiumRefining.Risk.ImportReliance.ShouldBe(1);
        model.Matrix.Single(p => p.MineralId == "lithium").Importance!.Value.ShouldBe(9, 1e-12);
        model.Matrix.Single(p => p.MineralId == "rare_earths").Importance.ShouldBeNull();
    }

    [Fact]
    public async Task Charts_SyntheticBrief_AreScottPlotsOwnPngAndSvg()
    {
        // Given: every chart saved by ScottPlot itself (SavePng, then SaveSvg), as the brief wrote them before each was drawn only once
        var model = BriefBuilder.Build(Inputs(), Catalogue, "IND", 2024, null, Quad(), RiskParameters.Default);
        var text = new ReportText(Catalogue);
        var dir = Directory.CreateTempSubdirectory("khanij-charts-");
        try
        {
            var theirs = Directory.CreateDirectory(Path.Combine(dir.FullName, "scottplot")).FullName;
            var plans = BriefCharts.Plans(model, text);
            foreach (var plan in plans)
            {
                var plot = plan.Draw();
                plot.SavePng(Path.Combine(theirs, plan.Stem + ".png"), plan.Width, plan.Height);
                plot.SaveSvg(Path.Combine(theirs, plan.Stem + ".svg"), plan.Width, plan.Height);
            }
            var ours = Path.Combine(dir.FullName, "ours");

            // When
            var charts = await BriefCharts.WriteAsync(model, text, ours);

            // Then: the same PNG bytes; the same SVG once the clip-path numbers (one counter for the whole test process, whose other tests draw
            // SVG too) are counted from the start of each file
            charts.Select(c => c.Stem).ShouldBe(plans.Select(p => p.Stem));
            foreach (var (plan, chart) in plans.Zip(charts))
            {
                File.ReadAllBytes(Path.Combine(ours, plan.Stem + ".png")).SequenceEqual(File.ReadAllBytes(Path.Combine(theirs, plan.Stem + ".png")))
                    .ShouldBeTrue(plan.Stem + ".png");
                var svg = File.ReadAllText(Path.Combine(ours, plan.Stem + ".svg"));
                chart.Svg.ShouldBe(svg);
                svg.ShouldContain("<clipPath");
                ClipsCounted(svg).ShouldBe(ClipsCounted(BriefCharts.OneRunPerText(File.ReadAllText(Path.Combine(theirs, plan.Stem + ".svg")))));
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string ClipsCounted(string svg)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        return System.Text.RegularExpressions.Regex.Replace(svg, "cl_[0-9a-f]+", m =>
            "clip" + (numbers.TryGetValue(m.Value, out var n) ? n : numbers[m.Value] = numbers.Count).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void MarkdownReport_SyntheticBrief_MatchesGolden()
    {
        // Given
        var model = BriefBuilder.Build(Inputs(), Catalogue, "IND", 2024, null, Quad(), RiskParameters.Default);
        var charts = new[] { new BriefCharts.Chart("concentration_by_mineral_stage", "Concentration", ""), new BriefCharts.Chart("criticality_matrix", "Matrix", "") };

        // When
        var markdown = MarkdownReport.Render(model, new ReportText(Catalogue), charts);

        // Then
        Golden.Match(markdown);
    }
}
