using Khanij.Application;
using System.Text;

namespace Khanij.Cli.Reports;

/// <summary>Writes report.html, report.md and charts/ for a brief.</summary>
internal static class BriefWriter
{
    public static (string Html, string Markdown) Write(BriefModel model, ReportText text, string directory)
    {
        Directory.CreateDirectory(directory);
        var charts = BriefCharts.Write(model, text, Path.Combine(directory, "charts"));
        var html = Path.Combine(directory, "report.html");
        var md = Path.Combine(directory, "report.md");
        var utf8 = new UTF8Encoding(false);
        File.WriteAllText(html, HtmlReport.Render(model, text, charts), utf8);
        File.WriteAllText(md, MarkdownReport.Render(model, text, charts), utf8);
        return (html, md);
    }
}
