using System.Globalization;
using Khanij.Application.Services;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary>Prints the figures a registry decision moves (<see cref="DecisionImpact"/>) for <c>partners review</c> and <c>partners show</c>.</summary>
internal static class PartnersImpactView
{
    public static void Write(CliContext context, DecisionImpact impact)
    {
        if (impact.Records.Count == 0)
        {
            context.Console.MarkupLine($"Impact for {impact.Country.Esc()} ({impact.Comparison.Esc()}): no partner link of {impact.Country.Esc()} changes, so no risk figure moves.");
            return;
        }
        context.Console.MarkupLine($"Impact for {impact.Country.Esc()} ({impact.Comparison.Esc()}): partner links of "
            + $"{string.Join(", ", impact.Records).Esc()} change; {impact.Rows.Count} risk row(s) move.");
        if (impact.Rows.Count > 0)
        {
            var table = new Table().AddColumns("mineral", "stage", "source", "year, measure", "partner share of imports", "supply risk", "because of");
            foreach (var r in impact.Rows)
            {
                table.AddRow(r.Mineral.Esc(), r.Stage.Esc(), r.Source.Esc(), r.Year.ToString(CultureInfo.InvariantCulture) + (r.Scenario is null ? "" : " " + r.Scenario.Esc()) + " " + r.Measure.Esc(),
                    $"{Percent(r.PartnerShareBefore)} → {Percent(r.PartnerShareAfter)}",
                    $"{r.SupplyRiskBefore.ToString("0.####", CultureInfo.InvariantCulture)} → {r.SupplyRiskAfter.ToString("0.####", CultureInfo.InvariantCulture)}",
                    string.Join(" ", r.Records).Esc());
            }
            context.Console.Write(table);
        }
        foreach (var p in impact.Partners)
        {
            context.Console.MarkupLine($"  {p.Mineral.Esc()} {p.Stage.Esc()}: "
                + (p.Gained.Count == 0 ? "" : $"partners gained {string.Join(", ", p.Gained).Esc()} ")
                + (p.Lost.Count == 0 ? "" : $"partners lost {string.Join(", ", p.Lost).Esc()} ")
                + $"[grey]({string.Join(" ", p.Records).Esc()})[/]");
        }
        context.Console.MarkupLine($"[grey]{impact.Method.Esc()}.[/]");
    }

    private static string Percent(double? share) => share is { } s ? (100 * s).ToString("0.##", CultureInfo.InvariantCulture) + " %" : "–";
}
