using Khanij.Application;
using System.Text;

namespace Khanij.Cli.Reports;

/// <summary>Writes report.html, report.md and charts/ for a brief, in the current language (<see cref="Khanij.Application.Localization.Messages"/>).</summary>
internal static class BriefWriter
{
    /// <summary>Creates <paramref name="directory"/> and its charts/ folder, so that a directory that cannot be made fails before anything
    /// is printed (the files are then written while the terminal report prints).</summary>
    public static void Prepare(string directory) => Directory.CreateDirectory(Path.Combine(directory, "charts"));

    /// <summary>Writes the files of <paramref name="formats"/> (html, md; pdf needs the HTML, so it is written too) and returns their paths,
    /// the HTML first when written. The Markdown, which needs only the charts' names, is written while the PNGs are encoded.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(BriefModel model, ReportText text, string directory, IReadOnlySet<string> formats)
    {
        Directory.CreateDirectory(directory);
        var drawing = BriefCharts.WriteAsync(model, text, Path.Combine(directory, "charts"));
        var utf8 = new UTF8Encoding(false);
        string? html = null;
        string? md = null;
        if (formats.Contains("md"))
        {
            md = Path.Combine(directory, "report.md");
            File.WriteAllText(md, MarkdownReport.Render(model, text, BriefCharts.Names(model, text)), utf8);
        }
        var charts = await drawing;
        Khanij.Application.Diagnostics.PhaseTimes.Mark("brief: charts");
        if (formats.Contains("html") || formats.Contains("pdf"))
        {
            html = Path.Combine(directory, "report.html");
            File.WriteAllText(html, HtmlReport.Render(model, text, charts), utf8);
        }
        return [.. new[] { html, md }.OfType<string>()];
    }
}
