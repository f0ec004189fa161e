using Khanij.Application;
using Khanij.Analytics.Risk;
using Khanij.Core;
using ScottPlot;
using SkiaSharp;
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

    /// <summary>Draws the three charts and saves each as PNG and SVG in <paramref name="directory"/>. Each chart is laid out and drawn once,
    /// into a recording (an <see cref="SKPicture"/>), and both files are played back from it: the PNGs (rasterising and encoding, the larger
    /// part) on the thread pool, the SVGs here, one after another in chart order, because Skia numbers the SVG clip paths with one counter
    /// for the process and two SVGs written at once would interleave the numbers. The files are byte for byte what ScottPlot's SavePng and
    /// SaveSvg wrote (which drew each chart three times).</summary>
    public static async Task<IReadOnlyList<Chart>> WriteAsync(BriefModel model, ReportText text, string directory)
    {
        Directory.CreateDirectory(directory);
        var plans = Plans(model, text);
        var pictures = new List<SKPicture>();
        var pngs = new List<Task>();
        try
        {
            foreach (var plan in plans)
            {
                var picture = Record(plan.Draw(), plan.Width, plan.Height);
                pictures.Add(picture);
                Khanij.Application.Diagnostics.PhaseTimes.Mark("chart recorded: " + plan.Stem);
                pngs.Add(Task.Run(() => WritePng(picture, Path.Combine(directory, plan.Stem + ".png"), plan.Width, plan.Height)));
            }
            var charts = new List<Chart>();
            for (var i = 0; i < plans.Count; i++)
            {
                var plan = plans[i];
                var svg = OneRunPerText(SvgOf(pictures[i], plan.Width, plan.Height));
                File.WriteAllText(Path.Combine(directory, plan.Stem + ".svg"), svg);
                charts.Add(new Chart(plan.Stem, plan.Title, svg));
            }
            Khanij.Application.Diagnostics.PhaseTimes.Mark("charts: svg");
            await Task.WhenAll(pngs);
            return charts;
        }
        finally
        {
            await Task.WhenAny(Task.WhenAll(pngs)); // the recordings outlive the PNG writers, whether they failed or not
            foreach (var picture in pictures)
            {
                picture.Dispose();
            }
        }
    }

    /// <summary>A chart to draw: its file stem, title, size and the function that builds its plot.</summary>
    internal sealed record Plan(string Stem, string Title, Func<Plot> Draw, int Width, int Height);

    /// <summary>The brief's charts in the order they are written.</summary>
    internal static IReadOnlyList<Plan> Plans(BriefModel model, ReportText text) =>
    [
        new(ConcentrationStem, Get("Chart_Concentration"), () => Concentration(model, text), 1000, 520),
        new(MatrixStem, Get("Chart_Matrix"), () => Matrix(model, text), 1000, 620),
        new(TopSuppliersStem, Get("Chart_TopSuppliers"), () => TopSuppliers(model, text), 1000, 140 + 34 * Math.Max(1, model.Rows.Count)),
    ];

    /// <summary>The charts <see cref="WriteAsync"/> writes, in its order, without their SVG (empty): what a report that links the files needs.</summary>
    public static IReadOnlyList<Chart> Names(BriefModel model, ReportText text) => [.. Plans(model, text).Select(p => new Chart(p.Stem, p.Title, ""))];

    private const string ConcentrationStem = "concentration_by_mineral_stage";
    private const string MatrixStem = "criticality_matrix";
    private const string TopSuppliersStem = "top_supplier_shares";

    /// <summary>The plot's drawing, once. ScottPlot draws a new plot again until its axis limits stop changing (two passes here): those passes
    /// go to a canvas that draws nothing, then one settled pass is recorded (again, up to three times, should it still take more). Without clearing first, as
    /// ScottPlot draws SVG: the figure background is opaque and covers the canvas, so a raster of the recording has the pixels of
    /// ScottPlot's own PNG.</summary>
    private static SKPicture Record(Plot plot, int width, int height)
    {
        using (var layout = new SKNoDrawCanvas(width, height))
        {
            plot.Render(layout, width, height);
        }
        var clear = plot.RenderManager.ClearCanvasBeforeEachRender;
        plot.RenderManager.ClearCanvasBeforeEachRender = false;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                using var recorder = new SKPictureRecorder();
                var passes = plot.RenderManager.RenderCount;
                plot.Render(recorder.BeginRecording(new SKRect(0, 0, width, height)), width, height);
                var picture = recorder.EndRecording();
                if (plot.RenderManager.RenderCount - passes == 1 || attempt == 3) // a plot that never settles is drawn as ScottPlot leaves it
                {
                    return picture;
                }
                picture.Dispose();
            }
        }
        finally
        {
            plot.RenderManager.ClearCanvasBeforeEachRender = clear;
        }
    }

    /// <summary>As ScottPlot's <c>SavePng</c>: an RGBA premultiplied raster of the size, PNG at quality 100.</summary>
    private static void WritePng(SKPicture picture, string path, int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"Skia could not make a {width}×{height} raster for {path}.");
        surface.Canvas.DrawPicture(picture);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        data.SaveTo(file);
        Khanij.Application.Diagnostics.PhaseTimes.Mark("chart png: " + path);
    }

    /// <summary>As ScottPlot's <c>SaveSvg</c>: Skia's SVG canvas of the size.</summary>
    private static string SvgOf(SKPicture picture, int width, int height)
    {
        using var buffer = new MemoryStream();
        using (var stream = new SKManagedWStream(buffer))
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
        {
            canvas.DrawPicture(picture);
        }
        return new System.Text.UTF8Encoding(false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
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
