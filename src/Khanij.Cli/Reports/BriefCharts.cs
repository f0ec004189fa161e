using Khanij.Application;
using Khanij.Analytics.Risk;
using Khanij.Core;
using ScottPlot;
using static Khanij.Application.Localization.Messages;

namespace Khanij.Cli.Reports;

/// <summary>The brief's charts, drawn with ScottPlot and saved as SVG (for the HTML) and PNG (for Markdown viewers).</summary>
internal static partial class BriefCharts
{
    private static readonly Color[] StageColors = [Color.FromHex("#1f4e79"), Color.FromHex("#e07b39"), Color.FromHex("#6a9f58")];
    private static readonly Color[] ShareColors =
        [Color.FromHex("#b2182b"), Color.FromHex("#ef8a62"), Color.FromHex("#fddbc7"), Color.FromHex("#d1e5f0"), Color.FromHex("#bababa")];

    /// <summary>A saved chart: its file stem and title.</summary>
    public sealed record Chart(string Stem, string Title, string Svg);

    public static IReadOnlyList<Chart> Write(BriefModel model, ReportText text, string directory)
    {
        Directory.CreateDirectory(directory);
        var charts = new List<Chart>
        {
            Save(Concentration(model, text), directory, "concentration_by_mineral_stage", Get("Chart_Concentration"), 1000, 520),
            Save(Matrix(model, text), directory, "criticality_matrix", Get("Chart_Matrix"), 1000, 620),
            Save(TopSuppliers(model, text), directory, "top_supplier_shares", Get("Chart_TopSuppliers"),
                1000, 140 + 34 * Math.Max(1, model.Rows.Count)),
        };
        return charts;
    }

    private static Chart Save(Plot plot, string directory, string stem, string title, int width, int height)
    {
        plot.SavePng(Path.Combine(directory, stem + ".png"), width, height);
        var svgPath = Path.Combine(directory, stem + ".svg");
        plot.SaveSvg(svgPath, width, height);
        var svg = OneRunPerText(File.ReadAllText(svgPath));
        File.WriteAllText(svgPath, svg);
        return new Chart(stem, title, svg);
    }

    /// <summary>Skia's SVG writer places every character of a label at its own x: a browser then draws Devanagari letters one by one, without
    /// joining conjuncts or placing vowel signs ("आपूत जाखम" for आपूर्ति जोखिम). Keeping only the first position lets the viewer shape the
    /// label as one run, from the same start point.</summary>
    internal static string OneRunPerText(string svg) =>
        GlyphPositions().Replace(svg, m => $"{m.Groups["axis"].Value}=\"{m.Groups["first"].Value}\"");

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=<text[^>]*)\b(?<axis>[xy])=""(?<first>[^"",]*),[^""]*""")]
    private static partial System.Text.RegularExpressions.Regex GlyphPositions();

    private static Plot NewPlot()
    {
        var plot = new Plot();
        // Lohit Devanagari (Debian fonts-lohit-deva) carries Latin letters too, so mixed labels ("IEA base_case 2040") draw in one font
        // (Skia does not fall back per character); ScottPlot shapes Devanagari through HarfBuzz.
        plot.Font.Set(Language == "hi" ? "Lohit Devanagari" : "DejaVu Sans");
        plot.FigureBackground.Color = Colors.White;
        plot.Grid.MajorLineColor = Color.FromHex("#e5e5e5");
        return plot;
    }

    private static Plot Concentration(BriefModel model, ReportText text)
    {
        var plot = NewPlot();
        var minerals = model.Rows.Select(r => r.MineralId).Distinct(StringComparer.Ordinal)
            .OrderByDescending(m => model.Rows.Where(r => r.MineralId == m).Max(r => r.Table.Hhi ?? 0)).ToList();
        var stages = model.Rows.Select(r => r.Stage).Distinct().Order().ToList();
        var width = 0.8 / Math.Max(1, stages.Count);
        for (var si = 0; si < stages.Count; si++)
        {
            var bars = new List<Bar>();
            for (var mi = 0; mi < minerals.Count; mi++)
            {
                var row = model.Rows.FirstOrDefault(r => r.MineralId == minerals[mi] && r.Stage == stages[si]);
                if (row?.Table.Hhi is { } hhi)
                {
                    bars.Add(new Bar
                    {
                        Position = mi - 0.4 + width * (si + 0.5),
                        Value = hhi,
                        Size = width * 0.92,
                        FillColor = StageColors[si % StageColors.Length],
                        LineWidth = 0,
                    });
                }
            }
            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = ReportText.StageName(stages[si]);
        }
        foreach (var (level, label) in new[] { (1500.0, Get("Chart_Moderately")), (2500.0, Get("Chart_Highly")) })
        {
            var line = plot.Add.HorizontalLine(level);
            line.LinePattern = LinePattern.Dashed;
            line.Color = Color.FromHex("#888888");
            line.LineWidth = 1;
            var t = plot.Add.Text(label, minerals.Count - 0.45, level);
            t.LabelFontSize = 11;
            t.LabelFontColor = Color.FromHex("#666666");
            t.LabelAlignment = Alignment.LowerRight;
            t.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
        }
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, minerals.Count).Select(i => (double)i)], [.. minerals.Select(text.Mineral)]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 90;
        plot.Axes.SetLimits(-0.6, minerals.Count - 0.4, 0, 10_500);
        plot.YLabel(Get("Chart_HhiAxis"));
        plot.Title(model.Projection is null ? Format("Chart_ConcentrationTitle", model.Year) : Format("Chart_ConcentrationTitleProjection", model.Year, model.Projection));
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static Plot Matrix(BriefModel model, ReportText text)
    {
        var plot = NewPlot();
        var points = model.Matrix.Where(p => p.Importance is not null).ToList();
        var placed = new List<(double X, double Y)>();
        foreach (var p in points.OrderByDescending(p => p.SupplyRisk))
        {
            // A label that would sit on an earlier one goes below its marker instead.
            var crowded = placed.Any(q => Math.Abs(q.X - p.Importance!.Value) < 2 && Math.Abs(q.Y - p.SupplyRisk) < 0.35);
            placed.Add((p.Importance!.Value, p.SupplyRisk));
            var marker = plot.Add.Marker(p.Importance!.Value, p.SupplyRisk);
            marker.Size = 12;
            marker.Color = StageColors[(int)p.DrivingStage % StageColors.Length];
            var label = plot.Add.Text($"{text.Mineral(p.MineralId)} ({ReportText.StageName(p.DrivingStage)})", p.Importance.Value, p.SupplyRisk);
            label.LabelFontSize = 12;
            label.LabelAlignment = crowded ? Alignment.UpperLeft : Alignment.LowerLeft;
            label.OffsetX = 8;
            label.OffsetY = crowded ? 4 : -4;
        }
        var maxRisk = Math.Max(1, model.Matrix.Select(p => p.SupplyRisk).DefaultIfEmpty(1).Max()) * 1.15;
        plot.Axes.SetLimits(0, 10.5, 0, maxRisk);
        var missing = model.Matrix.Where(p => p.Importance is null).Select(p => text.Mineral(p.MineralId)).ToList();
        plot.XLabel(Format("Chart_ImportanceAxis", model.Parameters.ImportanceScenario, model.Parameters.ImportanceYear));
        plot.YLabel(Get("Chart_RiskAxis"));
        // The minerals without an importance value are named in the matrix table under the chart; a title listing them was cut off.
        plot.Title(missing.Count > 0 ? Format("Chart_MatrixTitleMissing", missing.Count) : Get("Section_Matrix"));
        plot.Title(true);
        return plot;
    }

    private static Plot TopSuppliers(BriefModel model, ReportText text)
    {
        var plot = NewPlot();
        var rows = model.Rows.OrderBy(r => r.Table.Top1Share ?? 0).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            var t = rows[i].Table;
            var segments = t.Shares.Take(3).Select(s => (Label: s.Iso3, s.Share)).ToList();
            segments.Add((Get("Chart_OtherNamed"), t.Shares.Skip(3).Sum(s => s.Share)));
            segments.Add((Get("Chart_Unattributed"), t.ResidualShare));
            var start = 0.0;
            for (var k = 0; k < segments.Count; k++)
            {
                var (label, share) = segments[k];
                if (share <= 0)
                {
                    continue;
                }
                var bar = plot.Add.Bar(new Bar
                {
                    Position = i,
                    ValueBase = start * 100,
                    Value = (start + share) * 100,
                    Size = 0.75,
                    FillColor = ShareColors[k],
                    LineWidth = 0,
                    Orientation = Orientation.Horizontal,
                });
                _ = bar;
                if (k < 3 && share >= 0.07)
                {
                    var tx = plot.Add.Text($"{label} {100 * share:0}%", (start + share / 2) * 100, i);
                    tx.LabelFontSize = 11;
                    tx.LabelAlignment = Alignment.MiddleCenter;
                    tx.LabelFontColor = k == 0 ? Colors.White : Colors.Black;
                }
                start += share;
            }
        }
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, rows.Count).Select(i => (double)i)],
            [.. rows.Select(r => $"{text.Mineral(r.MineralId)} · {ReportText.StageName(r.Stage)}")]);
        plot.Axes.SetLimits(0, 100, -0.6, rows.Count - 0.4);
        plot.XLabel(Get("Chart_ShareAxis"));
        plot.Title(Get("Chart_TopSuppliersTitle"));
        string[] names = [Get("Chart_Largest"), Get("Chart_Second"), Get("Chart_Third"), Get("Chart_OtherProducers"), Get("Chart_UnattributedLegend")];
        for (var k = 0; k < names.Length; k++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = names[k], FillColor = ShareColors[k] });
        }
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }
}
