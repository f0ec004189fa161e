using Khanij.Application;
using System.Globalization;
using System.Net;
using System.Text;
using Khanij.Analytics.Risk;
using static Khanij.Application.Localization.Messages;

namespace Khanij.Cli.Reports;

/// <summary>Writes the brief as one self-contained HTML file: styles inline, charts embedded as SVG data URIs.</summary>
internal static class HtmlReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private const string Css = """
        :root { --ink:#1b2733; --muted:#5b6b7a; --line:#dde3ea; --accent:#1f4e79; --warn:#b2182b; --bg:#f6f8fa; }
        * { box-sizing: border-box; }
        body { margin:0; font-family: "DejaVu Sans", "Noto Sans", "Noto Sans Devanagari", Arial, sans-serif; color:var(--ink); background:var(--bg); font-size:14px; line-height:1.5; }
        header { background:linear-gradient(90deg,#123150,#1f4e79); color:#fff; padding:28px 48px 22px; }
        header h1 { margin:0 0 4px; font-size:26px; font-weight:600; letter-spacing:.2px; }
        header p { margin:0; color:#c9d8e8; }
        main { max-width:1180px; margin:0 auto; padding:24px 32px 48px; }
        section { background:#fff; border:1px solid var(--line); border-radius:8px; padding:20px 24px; margin:0 0 20px; }
        h2 { font-size:18px; margin:0 0 12px; color:var(--accent); border-bottom:2px solid var(--line); padding-bottom:6px; }
        ul.findings { margin:0; padding-left:20px; } ul.findings li { margin:6px 0; }
        table { border-collapse:collapse; width:100%; font-size:13px; }
        th { text-align:left; background:#eef2f6; color:#2c3e50; font-weight:600; padding:7px 6px; border-bottom:2px solid var(--line); vertical-align:bottom; }
        td { padding:6px 6px; border-bottom:1px solid var(--line); vertical-align:top; }
        td.num { text-align:right; font-variant-numeric: tabular-nums; white-space:nowrap; }
        tr:hover td { background:#fafcfe; }
        .hhi { display:inline-block; min-width:52px; text-align:right; padding:1px 6px; border-radius:4px; }
        .hhi.high { background:#fbe3e4; color:#8a1020; } .hhi.mid { background:#fff1d6; color:#7a4b00; } .hhi.low { background:#e3f2e6; color:#1e5a2a; }
        .score { font-weight:700; }
        .tag { display:inline-block; background:#fbe3e4; color:#8a1020; border-radius:10px; padding:0 8px; margin:1px 2px; font-size:12px; }
        .muted { color:var(--muted); font-size:12.5px; }
        td.sup { white-space:nowrap; } .alt { font-size:11.5px; color:#7a8a99; white-space:nowrap; }
        figure { margin:8px 0 18px; } figure img { width:100%; border:1px solid var(--line); border-radius:6px; background:#fff; }
        figcaption { color:var(--muted); font-size:12.5px; margin-top:4px; }
        .grid2 { display:grid; grid-template-columns: 1fr; gap:8px; }
        footer { text-align:center; color:var(--muted); font-size:12px; padding:12px; }
        """;

    public static string Render(BriefModel model, ReportText text, IReadOnlyList<BriefCharts.Chart> charts)
    {
        var h = new StringBuilder();
        var title = text.Title(model);
        h.Append(Inv, $"<!DOCTYPE html><html lang=\"{Language}\"><head><meta charset=\"utf-8\"><title>{E(Format("Report_Heading", title))}</title>");
        h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>").Append(Css).Append("</style></head><body>");
        h.Append(Inv, $"<header><h1>{E(Format("Report_Heading", title))}</h1>");
        h.Append(Inv, $"<p>{E(Format("Report_Subtitle", model.Projection is null ? Format("Report_YearOrLatest", model.Year) : Format("Report_YearProjection", model.Year, model.Projection)))}</p>");
        h.Append("<p>").Append(E(ReportText.CoverageLine(model))).Append("</p></header><main>");

        h.Append(Inv, $"<section id=\"findings\"><h2>{E(Get("Section_Findings"))}</h2><ul class=\"findings\">");
        foreach (var line in text.Headlines(model))
        {
            h.Append("<li>").Append(E(line)).Append("</li>");
        }
        h.Append("</ul></section>");

        h.Append(Inv, $"<section id=\"ranked\"><h2>{E(Get("Section_Ranked"))}</h2><p class=\"muted\">{E(Get("Ranked_Note"))}</p><table><thead><tr>");
        foreach (var c in RankedColumns(model))
        {
            h.Append("<th>").Append(E(c)).Append("</th>");
        }
        h.Append("</tr></thead><tbody>");
        var rank = 0;
        foreach (var r in model.Rows)
        {
            var t = r.Table;
            h.Append(Inv, $"<tr><td class=\"num\">{++rank}</td><td><b>{E(text.Mineral(r.MineralId))}</b></td><td>{E(ReportText.StageName(r.Stage))}</td>");
            h.Append(Inv, $"<td class=\"muted\">{E(ReportText.Vintage(r))}{Alt(r)}</td><td class=\"num\">{ReportText.Domestic(r)}</td><td class=\"sup\">{E(text.Country(t.Top1Iso3))} <b>{ReportText.Pct(t.Top1Share)}</b></td>");
            h.Append(Inv, $"<td class=\"num\">{ReportText.Pct(t.Top3Share)}</td><td class=\"num\">{HhiBadge(t.Hhi)}</td><td class=\"num\">{ReportText.Pct(t.CoverageWithoutTop1)}</td>");
            h.Append(Inv, $"<td class=\"num\">{(r.RestrictedWorldShare > 0 ? ReportText.Pct(r.RestrictedWorldShare) : "–")}</td>");
            h.Append(Inv, $"<td class=\"num\">{ReportText.Num(r.Risk.GlobalGovernance.HhiWgiT, "0.00")}</td><td class=\"num score\">{ReportText.Num(r.Risk.Score, "0.00")}</td></tr>");
        }
        h.Append("</tbody></table></section>");

        h.Append(Inv, $"<section id=\"charts\"><h2>{E(Get("Section_Charts"))}</h2><div class=\"grid2\">");
        foreach (var c in charts)
        {
            h.Append(Inv, $"<figure><img alt=\"{E(c.Title)}\" src=\"data:image/svg+xml;base64,{Convert.ToBase64String(Encoding.UTF8.GetBytes(c.Svg))}\">");
            h.Append(Inv, $"<figcaption>{E(Format("Chart_SavedAs", c.Title, c.Stem))}</figcaption></figure>");
        }
        h.Append("</div></section>");

        h.Append(Inv, $"<section id=\"restrictions\"><h2>{E(Get("Section_Restrictions"))}</h2>");
        var bites = model.Rows.Where(r => r.RestrictedWorldShare > 0).ToList();
        if (bites.Count == 0)
        {
            h.Append("<p>").Append(E(Get("Restrictions_None"))).Append("</p>");
        }
        else
        {
            h.Append(Inv, $"<table><thead><tr><th>{E(Get("Col_MineralStage"))}</th><th>{E(Get("Col_RestrictingProducer"))}</th><th>{E(Get("Col_ShareOfWorld"))}</th>"
                + $"<th>{E(Get("Col_RestrictionsInForce"))}</th></tr></thead><tbody>");
            foreach (var r in bites)
            {
                foreach (var term in r.Risk.GlobalGovernance.Terms.Where(t => t.RestrictionIds.Count > 0))
                {
                    h.Append(Inv, $"<tr><td>{E(text.Mineral(r.MineralId))} · {E(ReportText.StageName(r.Stage))}</td><td>{E(text.Country(term.Iso3))}</td>");
                    h.Append(Inv, $"<td class=\"num\">{ReportText.Pct(term.Share)}</td><td>{string.Concat(term.RestrictionIds.Select(id => $"<span class=\"tag\">{E(id)}</span>"))}</td></tr>");
                }
            }
            h.Append("</tbody></table>");
        }
        h.Append("</section>");

        h.Append(Inv, $"<section id=\"imports\"><h2>{E(Format("Section_Imports", text.Country(model.Perspective)))}</h2>");
        var withImports = model.Rows.Where(r => r.Risk.Imports is { HasImports: true }).ToList();
        if (withImports.Count == 0)
        {
            h.Append("<p>").Append(E(Get("Imports_None"))).Append("</p>");
        }
        else
        {
            h.Append("<p class=\"muted\">").Append(E(Get("Imports_Note"))).Append("</p><table><thead><tr>");
            foreach (var c in new[] { "Col_MineralStage", "Col_Year", "Col_Imports", "Col_MainPartners", "Col_ImportHhi", "Col_FromPartners", "Col_FromRestricting",
                "Col_ImportReliance", "Col_Source" })
            {
                h.Append("<th>").Append(E(Get(c))).Append("</th>");
            }
            h.Append("</tr></thead><tbody>");
            foreach (var r in withImports)
            {
                var i = r.Risk.Imports!;
                h.Append(Inv, $"<tr><td>{E(text.Mineral(r.MineralId))} · {E(ReportText.StageName(r.Stage))}</td><td class=\"num\">{i.Year}</td>");
                h.Append(Inv, $"<td class=\"num\">{ReportText.Num(i.TotalImports)} {E(i.ContentBasis ?? "")}</td>");
                h.Append(Inv, $"<td>{E(MarkdownReport.Partners(i, text))}</td><td class=\"num\">{HhiBadge(i.Hhi)}</td><td class=\"num\">{ReportText.Pct(i.ShareFromPartners)}</td>");
                h.Append(Inv, $"<td class=\"num\">{(i.ShareFromRestricting > 0 ? ReportText.Pct(i.ShareFromRestricting) : "–")}</td><td class=\"muted\">{E(r.Risk.ImportRelianceBasis)}</td>"
                    + $"<td class=\"muted\">{E(string.Join("; ", i.Sources))}</td></tr>");
            }
            h.Append("</tbody></table>");
        }
        h.Append("</section>");

        h.Append(Inv, $"<section id=\"matrix\"><h2>{E(Get("Section_Matrix"))}</h2><p class=\"muted\">").Append(E(MarkdownReport.ProxyStatement())).Append("</p><table><thead><tr>");
        foreach (var c in new[] { "Col_Mineral", "Col_SupplyRisk", "Col_DrivingStage", "Col_Importance", "Col_Basis", "Col_DemandGrowth" })
        {
            h.Append("<th>").Append(E(Get(c))).Append("</th>");
        }
        h.Append("</tr></thead><tbody>");
        foreach (var p in model.Matrix.OrderByDescending(p => p.SupplyRisk))
        {
            h.Append(Inv, $"<tr><td>{E(text.Mineral(p.MineralId))}</td><td class=\"num score\">{ReportText.Num(p.SupplyRisk, "0.00")}</td><td>{E(ReportText.StageName(p.DrivingStage))}</td>");
            h.Append(Inv, $"<td class=\"num\">{ReportText.Num(p.Importance, "0.0")}</td><td class=\"muted\">{E(p.ImportanceBasis)}</td>");
            h.Append(Inv, $"<td class=\"num\">{(p.DemandGrowth is { } g ? ReportText.Num(g, "0.0") + "×" : Get("NotAvailable"))}</td></tr>");
        }
        h.Append("</tbody></table></section>");

        if (model.Demand is { } demand)
        {
            h.Append("<section id=\"demand\"><h2>").Append(E(demand.Title)).Append("</h2>");
            foreach (var p in demand.Paragraphs)
            {
                h.Append("<p>").Append(E(p)).Append("</p>");
            }
            if (demand.Rows.Count > 0)
            {
                h.Append("<table><thead><tr>");
                foreach (var c in Khanij.Application.Demand.DemandBriefSection.Header)
                {
                    h.Append("<th>").Append(E(c)).Append("</th>");
                }
                h.Append("</tr></thead><tbody>");
                foreach (var row in demand.Rows)
                {
                    var cells = Khanij.Application.Demand.DemandBriefSection.Cells(row);
                    h.Append("<tr>");
                    for (var i = 0; i < cells.Count; i++)
                    {
                        h.Append(i >= 2 ? "<td class=\"num\">" : "<td>").Append(E(cells[i])).Append("</td>");
                    }
                    h.Append("</tr>");
                }
                h.Append("</tbody></table>");
            }
            h.Append("</section>");
        }
        h.Append(Inv, $"<section id=\"missing\"><h2>{E(Get("Section_Missing"))}</h2><ul>");
        foreach (var line in MarkdownReport.MissingData(model, text))
        {
            h.Append("<li>").Append(E(line)).Append("</li>");
        }
        h.Append(Inv, $"</ul></section><section id=\"method\"><h2>{E(Get("Section_Method"))}</h2><ul>");
        foreach (var line in MarkdownReport.Method(model))
        {
            h.Append("<li>").Append(E(line)).Append("</li>");
        }
        h.Append(Inv, $"</ul><p class=\"muted\">{E(Get("Method_Full"))}</p></section><section id=\"sources\"><h2>{E(Get("Section_Sources"))}</h2><ul>");
        foreach (var s in model.Sources)
        {
            h.Append("<li class=\"muted\">").Append(E(s)).Append("</li>");
        }
        h.Append(Inv, $"</ul></section></main><footer>{E(Get("Report_Footer"))}</footer></body></html>");
        return h.ToString();
    }

    private static string Alt(BriefRow r) => r.OtherSources.Count == 0
        ? ""
        : string.Concat(r.OtherSources.Select(o =>
            $"<div class=\"alt\">{E(Format("Ranked_Alt", ReportText.SourceName(o.Key.Source), ReportText.Num(o.Hhi), ReportText.Pct(o.Top1Share)))}</div>"));

    /// <summary>The ranked table's headings, in the current language.</summary>
    public static IEnumerable<string> RankedColumns(BriefModel model) =>
    [
        "#", Get("Col_Mineral"), Get("Col_Stage"), Get("Col_Vintages"), Format("Col_OwnShare", model.Perspective), Get("Col_TopSupplier"), Get("Col_Top3"), "HHI",
        Get("Col_WithoutTop1"), Get("Col_RestrictedShare"), Get("Col_HhiWgiT"), Get("Col_SupplyRisk"),
    ];

    private static string HhiBadge(double? hhi) => hhi is { } v
        ? $"<span class=\"hhi {(v > 2500 ? "high" : v > 1500 ? "mid" : "low")}\">{ReportText.Num(v)}</span>"
        : Get("NotAvailable");

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
