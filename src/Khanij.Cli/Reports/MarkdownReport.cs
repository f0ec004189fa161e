using Khanij.Application;
using System.Globalization;
using System.Text;
using Khanij.Analytics.Risk;
using Khanij.Core.Text;
using static Khanij.Application.Localization.Messages;

namespace Khanij.Cli.Reports;

/// <summary>Writes the brief as Markdown, with the charts as PNG files next to it.</summary>
internal static class MarkdownReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(BriefModel model, ReportText text, IReadOnlyList<BriefCharts.Chart> charts)
    {
        var md = new StringBuilder();
        md.AppendLine(Inv, $"# {Format("Report_Heading", text.Title(model))}").AppendLine();
        md.AppendLine(Get("Report_ProducedBy")).AppendLine();
        md.AppendLine(ReportText.CoverageLine(model)).AppendLine();
        md.AppendLine("## " + Get("Section_Findings")).AppendLine();
        foreach (var h in text.Headlines(model))
        {
            md.AppendLine("- " + h);
        }
        md.AppendLine().AppendLine("## " + Get("Section_Ranked")).AppendLine();
        var columns = HtmlReport.RankedColumns(model).ToList();
        md.AppendLine("| " + string.Join(" | ", columns) + " |");
        md.AppendLine("|" + string.Concat(columns.Select(_ => "---|")));
        var rank = 0;
        foreach (var r in model.Rows)
        {
            var t = r.Table;
            md.AppendLine(Inv, $"| {++rank} | {text.Mineral(r.MineralId)} | {ReportText.StageName(r.Stage)} | {ReportText.Vintage(r)} | {ReportText.Domestic(r)} | "
                + $"{text.Country(t.Top1Iso3)} {ReportText.Pct(t.Top1Share)} | {ReportText.Pct(t.Top3Share)} | {ReportText.Num(t.Hhi)} | "
                + $"{ReportText.Pct(t.CoverageWithoutTop1)} | {ReportText.Pct(r.RestrictedWorldShare)} | "
                + $"{ReportText.Num(r.Risk.GlobalGovernance.HhiWgiT, "0.00")} | **{ReportText.Num(r.Risk.Score, "0.00")}** |");
        }
        md.AppendLine();
        foreach (var c in charts)
        {
            md.AppendLine(Inv, $"![{c.Title}](charts/{c.Stem}.png)").AppendLine();
        }
        md.AppendLine("## " + Get("Section_Restrictions")).AppendLine();
        var bites = model.Rows.Where(r => r.RestrictedWorldShare > 0).ToList();
        if (bites.Count == 0)
        {
            md.AppendLine(Get("Restrictions_None")).AppendLine();
        }
        foreach (var r in bites)
        {
            var terms = r.Risk.GlobalGovernance.Terms.Where(t => t.RestrictionIds.Count > 0)
                .Select(t => $"{text.Country(t.Iso3)} {ReportText.Pct(t.Share)} ({string.Join(", ", t.RestrictionIds)})");
            md.AppendLine(Inv, $"- **{text.Mineral(r.MineralId)} ({ReportText.StageName(r.Stage)})**: {string.Join("; ", terms)}.");
        }
        md.AppendLine().AppendLine("## " + Format("Section_Imports", text.Country(model.Perspective))).AppendLine();
        var withImports = model.Rows.Where(r => r.Risk.Imports is { HasImports: true }).ToList();
        if (withImports.Count == 0)
        {
            md.AppendLine(Get("Imports_None")).AppendLine();
        }
        else
        {
            md.AppendLine(Get("Imports_Note")).AppendLine();
            var cols = new[] { "Col_MineralStage", "Col_Year", "Col_Imports", "Col_MainPartners", "Col_ImportHhi", "Col_FromPartners", "Col_FromRestricting",
                "Col_ImportReliance" }.Select(Get).ToList();
            md.AppendLine("| " + string.Join(" | ", cols) + " |");
            md.AppendLine("|" + string.Concat(cols.Select(_ => "---|")));
            foreach (var r in withImports)
            {
                var i = r.Risk.Imports!;
                md.AppendLine(Inv, $"| {text.Mineral(r.MineralId)} · {ReportText.StageName(r.Stage)} | {i.Year} | {ReportText.Num(i.TotalImports)} {i.ContentBasis} | "
                    + $"{Partners(i, text)} | {ReportText.Num(i.Hhi)} | "
                    + $"{ReportText.Pct(i.ShareFromPartners)} | {ReportText.Pct(i.ShareFromRestricting)} | {r.Risk.ImportRelianceBasis} |");
            }
            md.AppendLine();
        }
        md.AppendLine("## " + Get("Section_Matrix")).AppendLine();
        md.AppendLine(ProxyStatement()).AppendLine();
        var mcols = new[] { "Col_Mineral", "Col_SupplyRisk", "Col_DrivingStage", "Col_Importance", "Col_Basis", "Col_DemandGrowth" }.Select(Get).ToList();
        md.AppendLine("| " + string.Join(" | ", mcols) + " |");
        md.AppendLine("|" + string.Concat(mcols.Select(_ => "---|")));
        foreach (var p in model.Matrix.OrderByDescending(p => p.SupplyRisk))
        {
            md.AppendLine(Inv, $"| {text.Mineral(p.MineralId)} | {ReportText.Num(p.SupplyRisk, "0.00")} | {ReportText.StageName(p.DrivingStage)} | "
                + $"{ReportText.Num(p.Importance, "0.0")} | {p.ImportanceBasis} | {(p.DemandGrowth is { } g ? ReportText.Num(g, "0.0") + "×" : Get("NotAvailable"))} |");
        }
        if (model.Demand is { } demand)
        {
            md.AppendLine().Append(demand.ToMarkdown());
        }
        md.AppendLine().AppendLine("## " + Get("Section_Missing")).AppendLine();
        foreach (var line in MissingData(model, text))
        {
            md.AppendLine("- " + line);
        }
        md.AppendLine().AppendLine("## " + Get("Section_Method")).AppendLine();
        foreach (var line in Method(model))
        {
            md.AppendLine("- " + line);
        }
        md.AppendLine().AppendLine(Get("Method_Full"));
        md.AppendLine().AppendLine("## " + Get("Section_Sources")).AppendLine();
        foreach (var s in model.Sources)
        {
            md.AppendLine("- " + s);
        }
        return md.ToString();
    }

    /// <summary>What the importance proxy is (Criticality.ProxyStatement), in the current language.</summary>
    public static string ProxyStatement() => Language == "en" ? Criticality.ProxyStatement : Get("Matrix_Proxy");

    public static string Partners(ImportProfile i, ReportText text) =>
        string.Join(", ", i.Shares.Take(4).Select(s =>
            $"{text.CountryShort(s.Iso3)} {ReportText.Pct(s.Share)} ({ReportText.Num(s.Value)} t){(i.PartnerBases.ContainsKey(s.Iso3) ? "*" : "")}"));

    public static IEnumerable<string> MissingData(BriefModel model, ReportText text)
    {
        var wgiMissing = model.Rows.SelectMany(r => r.Risk.GlobalGovernance.MissingWgi).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        yield return wgiMissing.Count > 0
            ? Format("Missing_Wgi", model.WgiYear, string.Join(", ", wgiMissing.Select(text.Country)))
            : Get("Missing_AllWgi");
        if (model.PartialWgi.Count > 0)
        {
            yield return Format("Missing_PartialWgi", model.Parameters.GovernanceIndicators.Count, model.WgiYear, string.Join(", ", model.PartialWgi.Select(text.Country)));
        }
        foreach (var r in model.Rows.Where(r => r.Table.Withheld.Count > 0))
        {
            yield return Format("Missing_Withheld", text.Mineral(r.MineralId), ReportText.StageName(r.Stage), ReportText.SourceYear(r.Table),
                string.Join(", ", r.Table.Withheld.Select(text.Country)));
        }
        foreach (var r in model.Rows)
        {
            foreach (var n in r.Table.Notes.Where(n => !r.Table.TabledNotes.Contains(n)))
            {
                yield return $"{text.Mineral(r.MineralId)} ({ReportText.StageName(r.Stage)}, {ReportText.SourceYear(r.Table)}): {n}";
            }
        }
        if (model.CriticalList is { } list && model.MineralsWithoutData.Count > 0)
        {
            yield return Format("Missing_OnListNoData", Find("List_" + list.Name.Replace(' ', '_')) ?? list.Description, list.Name, model.Year,
                string.Join("; ", model.MineralsWithoutData.Select(m => $"{text.Mineral(m)} ({WhyNoData(model, m)})")));
        }
        if (model.CriticalList is { } l2 && model.MineralsOffList.Count > 0)
        {
            yield return Format("Missing_OffList", l2.Name, string.Join(", ", model.MineralsOffList.Select(text.Mineral)));
        }
    }

    /// <summary>Why a list mineral has no ranked row (the model's reason; in Hindi the catalogue's general wording, as the reason is built in English).</summary>
    private static string WhyNoData(BriefModel model, string mineral) =>
        Language == "en" ? model.WithoutDataReasons?.GetValueOrDefault(mineral) ?? Get("Missing_NoProduction") : Get("Missing_NoProduction");

    public static IEnumerable<string> Method(BriefModel model)
    {
        var p = model.Parameters;
        yield return Get("Method_Shares");
        yield return Format("Method_Governance", model.WgiYear, string.Join(", ", p.GovernanceIndicators));
        yield return Format("Method_Restriction", p.RestrictionFactor, string.Join(", ", p.RestrictionStatuses), string.Join(", ", p.RestrictionMeasures),
            ReportText.Pct(p.RestrictionMateriality));
        yield return Get("Method_SupplyRisk");
        yield return Format("Method_Perspective", Language == "hi" ? model.Perspective : English.Possessive(model.PerspectiveName));
        yield return ReportText.PartnerLine(model.Partners) + " " + Format("Method_PartnerFactor", p.PartnerFactor);
        yield return Get("Method_Trade");
        for (var i = 0; i < SupplyRisk.MissingEuInputs.Count; i++)
        {
            yield return Language == "en" ? SupplyRisk.MissingEuInputs[i] : Find("Method_MissingEu" + i) ?? SupplyRisk.MissingEuInputs[i];
        }
        yield return ProxyStatement();
    }
}
