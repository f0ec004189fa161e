using Khanij.Application;
using System.CommandLine;
using System.Globalization;
using System.Text;
using Khanij.Analytics.Risk;
using Khanij.Cli.Reports;
using Khanij.Core;
using Khanij.Core.Partners;
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
        var country = new Option<string>("--country")
        {
            Description = "Perspective country (ISO3 or name) for import measures, partners and the supply-risk score.",
            DefaultValueFactory = _ => "IND",
        };
        var json = new Option<bool>("--json") { Description = "Print JSON: an array of rows (shares as fractions 0–1, HHI 0–10 000)." };
        var csv = new Option<bool>("--csv") { Description = "Print CSV (one row per table; shares as 'ISO3=fraction' pairs)." };
        var options = new RiskOptions();
        var command = new Command("risk",
            "Supply concentration and risk per mineral, stage, year and source: shares, HHI, top-1/top-3 share, coverage without the largest "
            + "supplier, WGI-weighted concentration with the restriction factor, import partners of the perspective country, and the EU-style "
            + "supply-risk score. Method: docs/risk.md.\n\n" + ExitCodes.HelpText)
        {
            mineral, stage, year, source, country, json, csv,
        };
        options.AddTo(command);
        command.SetHandler(context, async (parse, ct) =>
        {
            var parameters = options.Read(parse, context.Catalogue);
            var mineralId = ResolveMineral(context, parse.GetValue(mineral));
            Stage? stageValue = null;
            if (parse.GetValue(stage) is { } s)
            {
                stageValue = StageNames.TryParse(s, out var st)
                    ? st
                    : throw new CliException($"'--stage {s}' is not a stage; expected one of {string.Join(", ", StageNames.All)}.");
            }
            var perspective = ResolveCountry(context, parse.GetValue(country)!);
            await using var store = await context.OpenStoreAsync(parse, ct);
            var inputs = await RiskInputsLoader.LoadAsync(store, ct);
            RiskOptions.CheckYears(parameters, inputs);
            var supply = inputs.Supply.Where(f =>
                (mineralId is null || f.MineralId == mineralId)
                && (stageValue is null || f.Stage == stageValue)
                && (parse.GetValue(year) is not { } y || f.Year == y)
                && (parse.GetValue(source) is not { } src || string.Equals(f.Source, src, StringComparison.OrdinalIgnoreCase))).ToList();
            if (supply.Count == 0)
            {
                throw new CliException(NoDataMessage(inputs, mineralId, stageValue, parse.GetValue(year), parse.GetValue(source)));
            }
            var governance = GovernanceIndex.Build(inputs.Governance, parameters.GovernanceIndicators, parameters.GovernanceYear);
            var partners = await PartnerSources.ForAsync(store, context.Catalogue, perspective, parameters, ct);
            var tables = SupplyConcentration.ComputeAll(supply);
            var risks = tables.Select(t => SupplyRisk.ForStage(t, governance, inputs.Restrictions, inputs.Trade, partners, perspective, parameters,
                inputs.RecyclingFor(t.Key.MineralId))).ToList();
            var rows = risks.Select(r => RiskRows.From(r, inputs.PublishedTop3(r.Global.Key))).ToList();
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(rows));
                return ExitCodes.Ok;
            }
            if (parse.GetValue(csv))
            {
                context.Out.Write(ToCsv(rows));
                return ExitCodes.Ok;
            }
            WriteTable(context, risks, perspective, governance.Year, parameters);
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static string? ResolveMineral(CliContext context, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return context.Catalogue.FindMineral(text)?.Id
            ?? throw new CliException($"'--mineral {text}' is not in the catalogue; expected an id or name such as rare_earths, lithium, cobalt "
                + "(see `khanij minerals`).");
    }

    internal static string ResolveCountry(CliContext context, string text) =>
        context.Catalogue.FindCountry(text)?.Iso3
        ?? throw new CliException($"'--country {text}' is not a known country; expected an ISO3 code or a name such as IND, India, भारत "
            + "(see `khanij countries`).");

    private static string NoDataMessage(RiskInputs inputs, string? mineralId, Stage? stage, int? year, string? source)
    {
        var candidates = inputs.Supply.Where(f => (mineralId is null || f.MineralId == mineralId) && (stage is null || f.Stage == stage)).ToList();
        var what = $"No supply data for mineral={mineralId ?? "any"}, stage={stage?.ToId() ?? "any"}, year={year?.ToString(CultureInfo.InvariantCulture) ?? "any"}, "
            + $"source={source ?? "any"}.";
        if (candidates.Count == 0)
        {
            return what + " Minerals with data: " + string.Join(", ", inputs.Supply.Select(f => f.MineralId).Distinct().Order(StringComparer.Ordinal)) + ".";
        }
        var combos = candidates.Select(f => $"{f.Source}/{f.Stage.ToId()}/{f.Year}").Distinct().Order(StringComparer.Ordinal);
        return what + " Available for this selection (source/stage/year): " + string.Join(", ", combos) + ".";
    }

    private static string ToCsv(IReadOnlyList<RiskRow> rows)
    {
        var sb = new StringBuilder("mineral,stage,year,source,scenario,hhi,top1_country,top1_share,top3_share,coverage_without_top1,producers,"
            + "residual_share,hhi_wgi,hhi_wgi_t,restricted_share,country,supply_risk,import_hhi,import_share_from_partners,shares,sources\n");
        static string F(double? v) => v is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "";
        static string Q(string s) => s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal)
            ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
        foreach (var r in rows)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"{r.Mineral},{r.Stage},{r.Year},{r.Source},{r.Scenario},{F(r.Hhi)},{r.Top1Country},{F(r.Top1Share)},{F(r.Top3Share)},{F(r.CoverageWithoutTop1)},"
                + $"{r.Producers},{F(r.ResidualShare)},{F(r.HhiWgi)},{F(r.HhiWgiT)},{F(r.RestrictedShare)},{r.Country},{F(r.SupplyRisk)},{F(r.Imports?.Hhi)},"
                + $"{F(r.Imports?.ShareFromPartners)},{Q(string.Join(";", r.Shares.Select(kv => kv.Key + "=" + F(kv.Value))))},{Q(string.Join(";", r.Provenance.Sources))}\n");
        }
        return sb.ToString();
    }

    private static void WriteTable(CliContext context, IReadOnlyList<StageRisk> risks, string perspective, int? wgiYear, RiskParameters parameters)
    {
        var text = new ReportText(context.Catalogue);
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("mineral", "stage", "year", "source", "top-1", "top-1 share", "top-3", "HHI", "w/o top-1", "producers", "HHI wgi,t",
            "restricted", "import HHI", "risk");
        foreach (var i in new[] { 5, 6, 7, 8, 9, 10, 11, 12, 13 })
        {
            table.Columns[i].RightAligned();
        }
        foreach (var r in risks)
        {
            var t = r.Global;
            var restricted = r.GlobalGovernance.Terms.Where(x => x.RestrictionIds.Count > 0).Sum(x => x.Share);
            table.AddRow(text.Mineral(t.Key.MineralId).Esc(), t.Key.Stage.ToId(), t.Key.Year.ToString(CultureInfo.InvariantCulture) + (t.Key.Scenario is null ? "" : "p"),
                t.Key.Source, t.Top1Iso3 ?? "", ReportText.Pct(t.Top1Share), ReportText.Pct(t.Top3Share), ReportText.Num(t.Hhi),
                ReportText.Pct(t.CoverageWithoutTop1), t.Producers.ToString(CultureInfo.InvariantCulture), ReportText.Num(r.GlobalGovernance.HhiWgiT, "0.00"),
                restricted > 0 ? ReportText.Pct(restricted) : "–", ReportText.Num(r.Imports?.Hhi), ReportText.Num(r.Score, "0.00"));
        }
        context.Console.Write(table);
        // A narrow selection (one mineral and stage) also shows who supplies the perspective, in contained tonnes.
        if (risks.Select(r => (r.MineralId, r.Stage)).Distinct().Count() == 1)
        {
            foreach (var r in risks.Where(r => r.Imports is not null).OrderBy(r => r.Global.Key.Scenario is null ? 0 : 1)
                .ThenByDescending(r => r.Global.Key.Year).Take(1))
            {
                ImportTable.Write(context.Console, text, r);
            }
        }
        context.Console.MarkupLine($"[grey]{risks.Count} tables. Perspective {perspective}; WGI {wgiYear} ({string.Join(", ", parameters.GovernanceIndicators)}), "
            + $"t = {parameters.RestrictionFactor}, partner factor {parameters.PartnerFactor}. 'p' = projection. Shares are of the world total "
            + "including unattributed rows; HHI over named countries. --json for every input and its provenance.[/]");
    }
}
