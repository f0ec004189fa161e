using System.Globalization;

namespace Khanij.Application.Demand;

/// <summary>A short section on demand and the supply gap for the brief: a title, a few sentences and one line per mineral and year.</summary>
/// <param name="Title">Section title.</param>
/// <param name="Paragraphs">Sentences, each with its source.</param>
/// <param name="Lines">One Markdown table line per mineral × year (header first).</param>
public sealed record DemandBriefSection(string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Lines)
{
    /// <summary>The section as Markdown.</summary>
    public string ToMarkdown() =>
        $"## {Title}\n\n" + string.Join("\n\n", Paragraphs) + "\n\n" + string.Join("\n", Lines) + "\n";
}

/// <summary>Builds <see cref="DemandBriefSection"/> from a <see cref="DemandReport"/>; the brief (owned by the brief service) calls it.</summary>
public static class DemandBrief
{
    /// <summary>The section for <paramref name="report"/>.</summary>
    public static DemandBriefSection Section(DemandReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var inv = CultureInfo.InvariantCulture;
        var paragraphs = new List<string>
        {
            $"Mineral needs of {report.Country}'s published deployment targets ({report.Scenario}; {report.ScenarioFile}), from BatPaC 5.1 "
                + "intensities, set against secured supply: domestic production (USGS MCS 2026), registry projects and imports from partners.",
        };
        if (report.NotComputed.Count > 0)
        {
            paragraphs.Add("Not turned into needs: " + string.Join("; ", report.NotComputed.Select(n => $"{n.Technology} {n.Year} ({n.Reason})")) + ".");
        }
        var assumptions = report.Sources.Where(s => s.IsAssumption).ToList();
        if (assumptions.Count > 0)
        {
            paragraphs.Add("Assumptions, not publications: " + string.Join("; ", assumptions.Select(a => a.Note ?? a.Document)));
        }
        var lines = new List<string> { "| mineral | year | need t | secured t | unsecured t | share of IEA STEPS world demand |", "|---|---|---:|---:|---:|---:|" };
        foreach (var g in report.Gap)
        {
            var steps = report.World.FirstOrDefault(w => w.MineralId == g.MineralId && w.Year == g.Year && w.Scenario == "STEPS");
            lines.Add(string.Format(inv, "| {0} | {1} | {2:#,0} | {3:#,0} | {4}{5:#,0} | {6} |", g.MineralId, g.Year, g.NeedTonnes, g.SecuredTonnes,
                g.IsUpperBound && g.UnsecuredTonnes > 0 ? "≤ " : "", g.UnsecuredTonnes, steps is null ? "no IEA figure" : $"{steps.Share * 100:0.00} %"));
        }
        return new DemandBriefSection($"Demand and the supply gap — {report.Country}", paragraphs, lines);
    }
}
