using Khanij.Application;
using System.Text;

namespace Khanij.Cli.Reports;

/// <summary>Writes report.html, report.md and charts/ for a brief, in the current language (<see cref="Khanij.Application.Localization.Messages"/>).</summary>
internal static class BriefWriter
{
    /// <summary>Writes the files of <paramref name="formats"/> (html, md; pdf needs the HTML, so it is written too) and returns their paths,
    /// the HTML first when written.</summary>
    public static IReadOnlyList<string> Write(BriefModel model, ReportText text, string directory, IReadOnlySet<string> formats)
    {
        Directory.CreateDirectory(directory);
        var charts = BriefCharts.Write(model, text, Path.Combine(directory, "charts"));
        var utf8 = new UTF8Encoding(false);
        var files = new List<string>();
        if (formats.Contains("html") || formats.Contains("pdf"))
        {
            var html = Path.Combine(directory, "report.html");
            File.WriteAllText(html, HtmlReport.Render(model, text, charts), utf8);
            files.Add(html);
        }
        if (formats.Contains("md"))
        {
            var md = Path.Combine(directory, "report.md");
            File.WriteAllText(md, MarkdownReport.Render(model, text, charts), utf8);
            files.Add(md);
        }
        return files;
    }
}
