using Khanij.Application;
using System.Globalization;
using System.Text;
using Khanij.Analytics.Risk;

namespace Khanij.Cli.Reports;

/// <summary>Writes the brief as Markdown, with the charts as PNG files next to it.</summary>
internal static class MarkdownReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(BriefModel model, ReportText text, IReadOnlyList<BriefCharts.Chart> charts)
    {
        var md = new StringBuilder();
        md.AppendLine(Inv, $"# Critical-minerals exposure brief: {model.Title}").AppendLine();
        md.AppendLine("Produced by `khanij brief`. Every figure comes from the bundled data pack and carries its source and year; sources and method are "
            + "listed at the end.").AppendLine();
        md.AppendLine(ReportText.CoverageLine(model)).AppendLine();
        md.AppendLine("## Key findings").AppendLine();
        foreach (var h in text.Headlines(model))
        {
            md.AppendLine("- " + h);
        }
        md.AppendLine().AppendLine("## Ranked exposure").AppendLine();
        md.AppendLine(Inv, $"| # | mineral | stage | data (vintages) | {model.Perspective} own share | top supplier | top-3 | HHI | without top-1 | from restricting producers | WGI-weighted HHI,t | supply risk |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
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
        md.AppendLine("## Where restrictions bite").AppendLine();
        var bites = model.Rows.Where(r => r.RestrictedWorldShare > 0).ToList();
        if (bites.Count == 0)
        {
            md.AppendLine("No producer of these supplies has an export restriction in force in the register.").AppendLine();
        }
        foreach (var r in bites)
        {
            var terms = r.Risk.GlobalGovernance.Terms.Where(t => t.RestrictionIds.Count > 0)
                .Select(t => $"{text.Country(t.Iso3)} {ReportText.Pct(t.Share)} ({string.Join(", ", t.RestrictionIds)})");
            md.AppendLine(Inv, $"- **{text.Mineral(r.MineralId)} {ReportText.StageName(r.Stage)}**: {string.Join("; ", terms)}.");
        }
        md.AppendLine().AppendLine(Inv, $"## Who supplies {model.PerspectiveName}").AppendLine();
        var withImports = model.Rows.Where(r => r.Risk.Imports is { HasImports: true }).ToList();
        if (withImports.Count == 0)
        {
            md.AppendLine("The trade data in the pack has no imports of these minerals for this country.").AppendLine();
        }
        else
        {
            md.AppendLine("Tonnes are tonnes of contained mineral (traded tonnes × each HS code's content factor, `data/catalogue/hs_codes.csv`); "
                + "basket codes and scrap are left out. Source: ITC Trade Map (Cheng et al. 2024 extract).").AppendLine();
            md.AppendLine("| mineral | stage | year | imports (t) | main partners | import HHI | from partners | from restricting | import reliance |");
            md.AppendLine("|---|---|---|---|---|---|---|---|---|");
            foreach (var r in withImports)
            {
                var i = r.Risk.Imports!;
                md.AppendLine(Inv, $"| {text.Mineral(r.MineralId)} | {ReportText.StageName(r.Stage)} | {i.Year} | {ReportText.Num(i.TotalImports)} {i.ContentBasis} | "
                    + $"{Partners(i, text)} | {ReportText.Num(i.Hhi)} | "
                    + $"{ReportText.Pct(i.ShareFromPartners)} | {ReportText.Pct(i.ShareFromRestricting)} | {r.Risk.ImportRelianceBasis} |");
            }
            md.AppendLine();
        }
        md.AppendLine("## Criticality matrix").AppendLine();
        md.AppendLine(Criticality.ProxyStatement).AppendLine();
        md.AppendLine("| mineral | supply risk | driving stage | importance | basis | demand growth |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var p in model.Matrix.OrderByDescending(p => p.SupplyRisk))
        {
            md.AppendLine(Inv, $"| {text.Mineral(p.MineralId)} | {ReportText.Num(p.SupplyRisk, "0.00")} | {ReportText.StageName(p.DrivingStage)} | "
                + $"{ReportText.Num(p.Importance, "0.0")} | {p.ImportanceBasis} | {(p.DemandGrowth is { } g ? ReportText.Num(g, "0.0") + "×" : "n/a")} |");
        }
        if (model.Demand is { } demand)
        {
            md.AppendLine().Append(demand.ToMarkdown());
        }
        md.AppendLine().AppendLine("## Missing data and caveats (reported, not filled)").AppendLine();
        foreach (var line in MissingData(model, text))
        {
            md.AppendLine("- " + line);
        }
        md.AppendLine().AppendLine("## Method and parameters").AppendLine();
        foreach (var line in Method(model))
        {
            md.AppendLine("- " + line);
        }
        md.AppendLine().AppendLine("## Sources").AppendLine();
        foreach (var s in model.Sources)
        {
            md.AppendLine("- " + s);
        }
        return md.ToString();
    }

    public static string Partners(ImportProfile i, ReportText text) =>
        string.Join(", ", i.Shares.Take(4).Select(s =>
            $"{text.CountryShort(s.Iso3)} {ReportText.Pct(s.Share)} ({ReportText.Num(s.Value)} t){(i.PartnerBases.ContainsKey(s.Iso3) ? "*" : "")}"));

    public static IEnumerable<string> MissingData(BriefModel model, ReportText text)
    {
        var wgiMissing = model.Rows.SelectMany(r => r.Risk.GlobalGovernance.MissingWgi).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        yield return wgiMissing.Count > 0
            ? $"No WGI score ({model.WgiYear}) for: {string.Join(", ", wgiMissing.Select(text.Country))}. Their terms are left out of the governance-weighted HHI."
            : "Every producer has a WGI score.";
        if (model.PartialWgi.Count > 0)
        {
            yield return $"WGI scores averaging fewer than the {model.Parameters.GovernanceIndicators.Count} chosen dimensions (the others are missing "
                + $"for {model.WgiYear}): {string.Join(", ", model.PartialWgi.Select(text.Country))}.";
        }
        foreach (var r in model.Rows.Where(r => r.Table.Withheld.Count > 0))
        {
            yield return $"{text.Mineral(r.MineralId)} ({ReportText.StageName(r.Stage)}, {ReportText.SourceYear(r.Table)}): withheld by the source for "
                + $"{string.Join(", ", r.Table.Withheld.Select(text.Country))}.";
        }
        foreach (var r in model.Rows)
        {
            foreach (var n in r.Table.Notes.Where(n => !n.StartsWith("Withheld", StringComparison.Ordinal) && !n.StartsWith("Unattributed", StringComparison.Ordinal)))
            {
                yield return $"{text.Mineral(r.MineralId)} ({ReportText.StageName(r.Stage)}, {ReportText.SourceYear(r.Table)}): {n}";
            }
        }
        if (model.CriticalList is { } list && model.MineralsWithoutData.Count > 0)
        {
            yield return $"On {list.Description} ({list.Name}) but without supply data for {model.Year} in the pack: "
                + $"{string.Join("; ", model.MineralsWithoutData.Select(m => $"{text.Mineral(m)} ({model.WithoutDataReasons?.GetValueOrDefault(m) ?? "no production data"})"))}.";
        }
        if (model.CriticalList is { } l2 && model.MineralsOffList.Count > 0)
        {
            yield return $"With supply data but not on {l2.Name}, so not in this brief: {string.Join(", ", model.MineralsOffList.Select(text.Mineral))}.";
        }
    }

    public static IEnumerable<string> Method(BriefModel model)
    {
        var p = model.Parameters;
        yield return "Shares are fractions of the world total: the publisher's exact total where it prints one (IEA; the part not allocated to a listed "
            + "country is unattributed), else Σ listed countries + aggregate rows ('Other', 'Rest of world'; a rounded USGS total is shown, not used). "
            + "One measure per table (capacity is never added to production). HHI (0–10 000) and top-N shares are over named countries only, so "
            + "unattributed supply lowers them.";
        yield return $"Governance: WGI {model.WgiYear}, mean of {string.Join(", ", p.GovernanceIndicators)}, rescaled 0–10 as (2.5 − estimate) × 2 "
            + "(higher = riskier). HHI_WGI = Σ sᵢ² × WGIᵢ.";
        yield return $"Restriction factor t = {p.RestrictionFactor} for producers with a restriction in force (statuses: {string.Join(", ", p.RestrictionStatuses)}; "
            + $"measures: {string.Join(", ", p.RestrictionMeasures)}); each restriction bites at the stages curated for it in data/catalogue/restriction_scope.csv; a restricting producer below "
            + $"{ReportText.Pct(p.RestrictionMateriality)} of world supply is listed but not counted in the restricted share.";
        yield return "Supply risk per stage = HHI_WGI,t(global) × IR/2 + HHI_WGI,t(import partners) × (1 − IR/2) where import reliance IR is known, "
            + "else HHI_WGI,t(global); the overall score of a mineral is the maximum over stages.";
        yield return $"Perspective: {model.Perspective}'s own output is domestic supply (its share of world supply is shown), never exposure; shares, HHI, "
            + $"governance, restrictions and the global term of the score are over the rest of the world's supply.";
        yield return ReportText.PartnerLine(model.Partners) + $" Their sourcing terms are multiplied by "
            + $"{p.PartnerFactor}; they are marked * in the import table.";
        yield return "Trade: the importer's own reports per HS code, ITC mirror data where it reported nothing, else exporters' reports; never both "
            + "directions. Tonnes of contained mineral (each HS code × its content factor in data/catalogue/hs_codes.csv; basket and scrap codes left out unless asked).";
        foreach (var m in SupplyRisk.MissingEuInputs)
        {
            yield return m;
        }
        yield return Criticality.ProxyStatement;
    }
}
