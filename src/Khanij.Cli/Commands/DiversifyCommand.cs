using System.CommandLine;
using System.Globalization;
using System.Text;
using Khanij.Application.Demand;
using Khanij.Application.Diversify;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij diversify</c>: the import mix that minimises supply risk or CVaR95 of the shortfall (docs/demand.md).</summary>
internal static class DiversifyCommand
{
    public static Command Create(CliContext context)
    {
        var mineral = new Option<string>("--mineral") { Description = "Mineral id or name (e.g. cobalt, lithium).", Required = true };
        var stage = new Option<string>("--stage") { Description = "Stage: mining or refining.", Required = true };
        var country = new Option<string>("--country") { Description = "Importing country (ISO3 or name).", DefaultValueFactory = _ => "IND" };
        var objective = new Option<string>("--objective")
        {
            Description = "risk: minimise the sourcing term of the supply-risk score (docs/risk.md); cvar: minimise CVaR95 of the shortfall over "
                + "a disruption scenario's Monte Carlo draws (needs --scenario).",
            DefaultValueFactory = _ => "risk",
        };
        objective.AcceptOnlyFromAmong("risk", "cvar");
        var scenario = new Option<string?>("--scenario") { Description = "Disruption scenario file for cvar (e.g. scenarios/drc-cobalt-suspension-2025.json)." };
        var cap = new Option<double>("--cap") { Description = "Largest share of any one supplier (0.65 = 65 %).", DefaultValueFactory = _ => 0.65 };
        var maxChange = new Option<double?>("--max-change") { Description = "Largest change of a supplier's share from today's, in share points (0.1 = 10 points)." };
        var exclude = new Option<string[]>("--exclude") { Description = "Suppliers to exclude (ISO3 or names); repeatable.", AllowMultipleArgumentsPerToken = true };
        var minPartner = new Option<double?>("--min-partner-share") { Description = "Smallest total share from partner countries (0.3 = 30 %)." };
        var runs = new Option<int?>("--runs") { Description = $"Monte Carlo draws for cvar (default: the scenario's, but at most {DiversifyRequest.DefaultRuns}; up to {DiversifyRequest.MaxRuns})." };
        var seed = new Option<ulong?>("--seed") { Description = $"Seed for cvar (default: the scenario's, else {DiversifyRequest.DefaultSeed})." };
        var tradeYear = new Option<int?>("--trade-year") { Description = "Trade year (default: the latest with import data)." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var csv = new Option<bool>("--csv") { Description = "Print CSV: one row per supplier (today's and the recommended share)." };
        var command = new Command("diversify",
            "Recommend import shares across supplier countries for one mineral and stage: minimise supply risk (governance-weighted, "
            + "restriction-adjusted, partner-aware) or CVaR95 of the shortfall under a disruption scenario, with shares summing to 1, a cap per "
            + "supplier, no supplier above what it exports, and optional limits on change, exclusions and a minimum partner share. Solved as a "
            + "linear programme with OR-Tools GLOP. Method: docs/demand.md.")
        {
            mineral, stage, country, objective, scenario, cap, maxChange, exclude, minPartner, runs, seed, tradeYear, json, csv,
        };
        command.SetHandler(context, async (parse, ct) =>
        {
            var request = new DiversifyRequest(parse.GetValue(mineral)!, parse.GetValue(stage)!, parse.GetValue(country)!, parse.GetValue(objective)!,
                parse.GetValue(scenario), parse.GetValue(cap), parse.GetValue(maxChange), parse.GetValue(exclude) ?? [], parse.GetValue(minPartner),
                parse.GetValue(runs), parse.GetValue(seed), parse.GetValue(tradeYear));
            await using var store = await context.OpenStoreAsync(parse, ct);
            DiversifyReport report;
            try
            {
                report = await DiversifyService.RunAsync(request, store, context.Catalogue, ct);
            }
            catch (DemandInputException e)
            {
                throw new CliException(e.Message);
            }
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(report));
            }
            else if (parse.GetValue(csv))
            {
                context.Out.Write(ToCsv(report));
            }
            else
            {
                Render(context.Console, report);
            }
            return report.Result.IsFeasible ? ExitCodes.Ok : ExitCodes.BadInput;
        });
        return command;
    }

    internal static string ToCsv(DiversifyReport r)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("country,mineral,stage,objective,supplier,today_share,recommended_share,objective_alone,is_partner,tightest_limit\n");
        foreach (var m in r.Result.Mix)
        {
            sb.Append(inv, $"{r.Country},{r.Mineral},{r.Stage},{r.Objective},{m.Iso3},{m.Today:R},{m.Recommended:R},{(m.Alone is { } a ? a.ToString("R", inv) : "")},{(m.IsPartner ? "true" : "false")},")
                .Append('"').Append(m.Limit.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\"\n");
        }
        return sb.ToString();
    }

    private const int ShownBinding = 8;

    private static string ShortLimit(string limit)
    {
        var cut = limit.IndexOf(" (what it exports", StringComparison.Ordinal);
        return cut < 0 ? limit : limit[..cut] + " (its exports; basis in --json)";
    }

    private static void Render(IAnsiConsole console, DiversifyReport r)
    {
        var inv = CultureInfo.InvariantCulture;
        var res = r.Result;
        var what = res.Objective == Khanij.Analytics.Diversify.DiversifyObjective.Risk ? "sourcing risk Σ s² × WGI × t × partner factor" : "CVaR95 of the shortfall fraction";
        console.MarkupLine($"[bold]{r.Mineral.Esc()} {r.Stage.Esc()} imports of {r.Country}[/] — {r.TradeYear}, {r.ImportsT.ToString("#,0", inv)} t contained");
        if (r.Scenario is not null)
        {
            console.MarkupLine($"Scenario: {r.Scenario.Esc()}");
        }
        if (!res.IsFeasible)
        {
            console.MarkupLine("[red]No mix meets the constraints:[/]");
            foreach (var c in res.Conflicts)
            {
                console.MarkupLine($"  {c.Esc()}");
            }
            return;
        }
        var aloneHeading = res.Objective == Khanij.Analytics.Diversify.DiversifyObjective.Risk ? "weight (risk alone)" : "CVaR95 alone";
        var table = new Table().AddColumn("supplier").AddColumn(new TableColumn("today").RightAligned()).AddColumn(new TableColumn("recommended").RightAligned())
            .AddColumn(new TableColumn(aloneHeading).RightAligned()).AddColumn("partner").AddColumn("tightest limit");
        foreach (var m in res.Mix.Where(m => m.Today > 0.0005 || m.Recommended > 0.0005))
        {
            table.AddRow(m.Iso3, (m.Today * 100).ToString("0.0", inv) + " %", (m.Recommended * 100).ToString("0.0", inv) + " %",
                m.Alone is { } a ? a.ToString("0.####", inv) : "n/a", m.IsPartner ? "yes" : "", ShortLimit(m.Limit).Esc());
        }
        console.Write(table);
        var hidden = res.Mix.Count(m => m.Today <= 0.0005 && m.Recommended <= 0.0005);
        if (hidden > 0)
        {
            console.MarkupLine($"[grey]{hidden} other candidate suppliers get under 0.05 % in both mixes (see --json).[/]");
        }
        console.MarkupLine(string.Format(inv, "{0}: before {1:0.####}, after {2:0.####}", what, res.Before, res.After));
        if (r.SupplyRiskBefore is { } b)
        {
            console.MarkupLine(string.Format(inv, "Supply-risk score: before {0:0.###}{1}", b, r.SupplyRiskAfter is { } a ? $", after {a:0.###}" : ""));
        }
        console.MarkupLine($"[grey]{r.SupplyRiskFormula.Esc()}[/]");
        if (res.Binding.Count == 0)
        {
            console.MarkupLine("[bold]Binding constraints:[/] none; no cap, export or other limit holds the recommended mix back.");
        }
        else
        {
            console.MarkupLine("[bold]Binding constraints[/] (largest shadow price first)");
            foreach (var c in res.Binding.Take(ShownBinding))
            {
                console.MarkupLine($"  {c.InWords.Esc()}");
            }
            if (res.Binding.Count > ShownBinding)
            {
                console.MarkupLine($"  [grey]{res.Binding.Count - ShownBinding} more binding limits, each worth less (see --json).[/]");
            }
        }
        foreach (var n in res.Notes)
        {
            console.MarkupLine($"  [grey]{n.Esc()}[/]");
        }
        console.MarkupLine($"[grey]Sources: {string.Join("; ", r.Sources).Esc()}[/]");
    }
}
