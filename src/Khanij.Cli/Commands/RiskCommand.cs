using System.CommandLine;
using Khanij.Application.Diagnostics;
using System.Globalization;
using System.Text;
using Khanij.Analytics.Risk;
using Khanij.Application.Services;
using Khanij.Application;
using Khanij.Cli.Reports;
using Khanij.Core.Text;
using Khanij.Core;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij risk</c>: concentration and supply-risk metrics per mineral × stage × year × source.</summary>
internal static class RiskCommand
{
    public static Command Create(CliContext context)
    {
        var mineral = new Option<string?>("--mineral") { Description = "Mineral id or name in English or Hindi (e.g. rare_earths, lithium, लिथियम)." };
        var stage = new Option<string?>("--stage") { Description = "Stage: " + string.Join(", ", StageNames.All) + "." };
        var year = new Option<int?>("--year") { Description = "Year (e.g. 2024; IEA projections: 2030, 2035, 2040)." };
        var source = new Option<string?>("--source") { Description = "Dataset: usgs (MCS 2026), iea (Outlook 2025), cheng2020 or usgs2024." };
        var country = new Option<string?>("--country")
        {
            Description = $"Perspective country (ISO3 or name) for import measures, partners and the supply-risk score (default {RiskService.DefaultCountry}); "
                + "its own output is shown as domestic supply, not as exposure.",
        };
        var json = new Option<bool>("--json") { Description = "Print JSON: an array of rows (shares as fractions 0–1, HHI 0–10 000)." };
        var csv = new Option<bool>("--csv") { Description = "Print CSV (one row per table; shares as 'ISO3=fraction' pairs)." };
        var options = new RiskOptions();
        var command = new Command("risk",
            "Supply concentration and risk per mineral, stage, year and source: shares, HHI, top-1/top-3 share, coverage without the largest "
            + "supplier, WGI-weighted concentration with the restriction factor, import partners of the perspective country, and the EU-style "
            + "supply-risk score. Method: docs/risk.md.")
        {
            mineral, stage, year, source, country, json, csv,
        };
        options.AddTo(command);
        command.SetHandler(context, async (parse, ct) =>
        {
            var request = new RiskRequest(parse.GetValue(mineral), parse.GetValue(stage), parse.GetValue(year), parse.GetValue(source),
                parse.GetValue(country), options.Read(parse));
            await using var store = await context.OpenStoreAsync(parse, ct);
            PhaseTimes.Mark("risk: store open");
            var inputs = await RiskInputsLoader.LoadForCountryAsync(store, context.Catalogue, request.Country, ct, request.Method);
            PhaseTimes.Mark("risk: inputs");
            var result = ServiceErrors.ValueOrThrow(await RiskService.RunAsync(store, inputs, context.Catalogue, request, ct));
            PhaseTimes.Mark("risk: service");
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(result.Rows));
                return ExitCodes.Ok;
            }
            if (parse.GetValue(csv))
            {
                context.Out.Write(ToCsv(result.Rows));
                return ExitCodes.Ok;
            }
            WriteTable(context, result);
            PhaseTimes.Mark("risk: table");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string ToCsv(IReadOnlyList<RiskRow> rows)
    {
        var sb = new StringBuilder("mineral,stage,year,source,scenario,vintage,hhi,top1_country,top1_share,top3_share,coverage_without_top1,producers,"
            + "residual_share,country,domestic_share,exposure_top1_country,exposure_top1_share,hhi_wgi,hhi_wgi_t,restricted_share,supply_risk,import_year,import_hhi,import_share_from_partners,partners,shares,sources\n");
        static string F(double? v) => v is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "";
        static string Q(string s) => s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal)
            ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
        foreach (var r in rows)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"{r.Mineral},{r.Stage},{r.Year},{r.Source},{r.Scenario},{Q(r.Vintage.Label)},{F(r.Hhi)},{r.Top1Country},{F(r.Top1Share)},{F(r.Top3Share)},{F(r.CoverageWithoutTop1)},"
                + $"{r.Producers},{F(r.ResidualShare)},{r.Country},{F(r.DomesticShare)},{r.Exposure.Top1Country},{F(r.Exposure.Top1Share)},"
                + $"{F(r.HhiWgi)},{F(r.HhiWgiT)},{F(r.RestrictedShare)},{F(r.SupplyRisk)},{r.Imports?.Year},{F(r.Imports?.Hhi)},"
                + $"{F(r.Imports?.ShareFromPartners)},{Q(string.Join(";", r.Partners.Partners.Select(p => p.Iso3)))},{Q(string.Join(";", r.Shares.Select(kv => kv.Key + "=" + F(kv.Value))))},{Q(string.Join(";", r.Provenance.Sources))}\n");
        }
        return sb.ToString();
    }

    private static void WriteTable(CliContext context, RiskResult result)
    {
        var text = new ReportText(context.Catalogue);
        var parameters = result.Parameters;
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("mineral", "stage", "data (vintages)", "top-1", "top-1 share", "top-3", "HHI", "w/o top-1", "producers",
            $"{result.Perspective} own", "HHI wgi,t", "restricted", "import HHI", "risk");
        foreach (var i in new[] { 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 })
        {
            table.Columns[i].RightAligned();
        }
        foreach (var (s, row) in result.Stages.Zip(result.Rows))
        {
            var t = s.World;
            var r = s.Risk;
            var restricted = r.GlobalGovernance.Terms.Where(x => x.RestrictionIds.Count > 0).Sum(x => x.Share);
            table.AddRow(text.Mineral(t.Key.MineralId).Esc(), t.Key.Stage.ToId(), row.Vintage.Label.Esc(),
                t.Top1Iso3 ?? "", ReportText.Pct(t.Top1Share), ReportText.Pct(t.Top3Share), ReportText.Num(t.Hhi),
                ReportText.Pct(t.CoverageWithoutTop1), t.Producers.ToString(CultureInfo.InvariantCulture),
                s.Domestic is { } d ? ReportText.Pct(d.Share) : "–", ReportText.Num(r.GlobalGovernance.HhiWgiT, "0.00"),
                restricted > 0 ? ReportText.Pct(restricted) : "–", ReportText.Num(r.Imports?.Hhi), ReportText.Num(r.Score, "0.00"));
        }
        context.Console.Write(table);
        // A narrow selection (one mineral and stage) also shows who supplies the perspective, in contained tonnes.
        var risks = result.Stages.Select(x => x.Risk).ToList();
        if (risks.Select(r => (r.MineralId, r.Stage)).Distinct().Count() == 1)
        {
            foreach (var r in risks.Where(r => r.Imports is not null).OrderBy(r => r.Global.Key.Scenario is null ? 0 : 1)
                .ThenByDescending(r => r.Global.Key.Year).Take(1))
            {
                ImportTable.Write(context.Console, text, r);
            }
        }
        context.Console.MarkupLine($"[grey]{English.Count(result.Rows.Count, "table")}. Perspective {result.Perspective}: its own output is domestic supply; the governance "
            + $"terms, restricted share and risk are over the rest of the world and its imports. WGI {result.WgiYear} "
            + $"({string.Join(", ", parameters.GovernanceIndicators)}), t = {parameters.RestrictionFactor}, partner factor {parameters.PartnerFactor}. "
            + $"Shares are of the world total including unattributed rows; HHI over named countries. --json for every input and its provenance.[/]");
        context.Console.MarkupLine($"[grey]{ReportText.PartnerLine(result.Partners).Esc()}[/]");
    }
}
