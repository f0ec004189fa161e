using System.Globalization;
using Khanij.Application.Localization;
using Khanij.Core.Catalogue;
using Khanij.Data;

namespace Khanij.Application.Demand;

/// <summary>One line of the brief's demand table: a mineral's need in a year against secured supply.</summary>
/// <param name="MineralId">Mineral.</param>
/// <param name="Year">Year.</param>
/// <param name="NeedT">Need, tonnes of element.</param>
/// <param name="SecuredT">Secured supply counted, tonnes of element.</param>
/// <param name="UnsecuredT">Need minus secured supply (at least 0).</param>
/// <param name="IsUpperBound">True when some secured item could not be counted, so the unsecured figure is at most this.</param>
/// <param name="StepsShare">Need as a share of the IEA STEPS world demand in that year, or null when the IEA publishes no figure for it.</param>
public sealed record DemandBriefRow(string MineralId, int Year, double NeedT, double SecuredT, double UnsecuredT, bool IsUpperBound, double? StepsShare);

/// <summary>The brief's section on demand and the supply gap: a title, sentences with their sources, and one row per mineral and year. When
/// the country has no shipped deployment scenario the section says so and has no rows.</summary>
/// <param name="Title">Section title.</param>
/// <param name="Paragraphs">Sentences, each with its source.</param>
/// <param name="Rows">Needs against secured supply.</param>
public sealed record DemandBriefSection(string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<DemandBriefRow> Rows)
{
    /// <summary>The table's header in the current language, in the order of <see cref="Cells"/>.</summary>
    public static IReadOnlyList<string> Header =>
        [Messages.Get("Col_Mineral"), Messages.Get("Col_Year"), Messages.Get("DemandBrief_ColNeed"), Messages.Get("DemandBrief_ColSecured"),
            Messages.Get("DemandBrief_ColUnsecured"), Messages.Get("DemandBrief_ColSteps")];

    /// <summary>A row's cells as text (tonnes rounded to whole tonnes; "≤" before an upper bound).</summary>
    public static IReadOnlyList<string> Cells(DemandBriefRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var inv = CultureInfo.InvariantCulture;
        return [row.MineralId, row.Year.ToString(inv), row.NeedT.ToString("#,0", inv), row.SecuredT.ToString("#,0", inv),
            (row.IsUpperBound && row.UnsecuredT > 0 ? "≤ " : "") + row.UnsecuredT.ToString("#,0", inv),
            row.StepsShare is { } s ? (s * 100).ToString("0.00", inv) + " %" : Messages.Get("DemandBrief_NoIea")];
    }

    /// <summary>The section as Markdown.</summary>
    public string ToMarkdown()
    {
        var md = $"## {Title}\n\n" + string.Join("\n\n", Paragraphs) + "\n";
        if (Rows.Count == 0)
        {
            return md;
        }
        return md + "\n| " + string.Join(" | ", Header) + " |\n|---|---|---:|---:|---:|---:|\n"
            + string.Concat(Rows.Select(r => "| " + string.Join(" | ", Cells(r)) + " |\n"));
    }
}

/// <summary>Builds <see cref="DemandBriefSection"/> for the brief from the demand use case (<see cref="DemandService"/>).</summary>
public static class DemandBrief
{
    /// <summary>The section for <paramref name="country"/>, from its shipped deployment scenario; a section that says why when there is none
    /// (or the file has problems).</summary>
    public static async Task<DemandBriefSection> ForAsync(string country, KhanijStore store, KhanijCatalogue catalogue, string dataDir,
        CancellationToken cancellationToken)
    {
        try
        {
            return Section(await DemandService.RunAsync(new DemandRequest(country), store, catalogue, dataDir, cancellationToken));
        }
        catch (DemandInputException e)
        {
            return new DemandBriefSection(Messages.Format("DemandBrief_Title", country), [Messages.Format("DemandBrief_NotComputed", e.Message)], []);
        }
    }

    /// <summary>The section for <paramref name="report"/>.</summary>
    public static DemandBriefSection Section(DemandReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var paragraphs = new List<string>
        {
            Messages.Format("DemandBrief_Intro", report.Country, report.Scenario, report.ScenarioFile),
        };
        if (report.NotComputed.Count > 0)
        {
            paragraphs.Add(Messages.Format("DemandBrief_NotNeeds",
                string.Join("; ", report.NotComputed.Select(n => $"{Messages.Name(n.Technology, null)} {n.Year} ({n.Reason})"))));
        }
        var assumptions = report.Sources.Where(s => s.IsAssumption).ToList();
        if (assumptions.Count > 0)
        {
            paragraphs.Add(Messages.Format("DemandBrief_Assumptions",
                string.Join("; ", assumptions.Select(a => (Messages.Language == "hi" ? a.NoteHi : null) ?? a.Note ?? a.Document))));
        }
        var rows = report.Gap.Select(g => new DemandBriefRow(g.MineralId, g.Year, g.NeedTonnes, g.SecuredTonnes, g.UnsecuredTonnes, g.IsUpperBound,
            report.World.FirstOrDefault(w => w.MineralId == g.MineralId && w.Year == g.Year && w.Scenario == "STEPS")?.Share)).ToList();
        return new DemandBriefSection(Messages.Format("DemandBrief_Title", report.Country), paragraphs, rows);
    }
}
