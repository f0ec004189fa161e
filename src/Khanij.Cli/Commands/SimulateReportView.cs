using System.Globalization;
using Khanij.Application;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary>Renders a <see cref="SimulateReport"/> as terminal tables.</summary>
internal static class SimulateReportView
{
    public static void Render(IAnsiConsole console, SimulateReport r)
    {
        var mc = r.Runs > 1;
        console.MarkupLine($"[bold]{r.Scenario.EscapeMarkup()}[/] — {r.Runs:N0} run{(mc ? "s" : "")}, seed {r.Seed}, {r.Engine} engine, "
            + F($"{r.ElapsedSeconds:0.00} s; ") + F($"spare capacity {r.Parameters.SpareCapacity:P0}, horizon {r.Parameters.HorizonMonths:0.#} months, ")
            + $"perspective {r.Perspective}" + (r.Parameters.PartnerPriority ? " (partner priority on)" : ""));
        console.MarkupLine(($"Partners of {r.Perspective} ({r.Partners.Definition}): "
            + (r.Partners.Partners.Count == 0 ? "none" : string.Join(" ", r.Partners.Partners.Select(p => p.Iso3)))).EscapeMarkup());
        var shocks = new Table().Title("Shocks").AddColumns("name", "kind", "country", "minerals", "stage", "fraction", "months", "start", "probability");
        foreach (var s in r.Shocks)
        {
            shocks.AddRow(s.Name.EscapeMarkup(), s.Kind, s.Target is null ? s.Country : $"{s.Country} → {s.Target}", string.Join(" ", s.Minerals),
                s.Stage, s.Fraction, s.DurationMonths, s.StartMonth, F($"{s.Probability:0.##}"));
        }
        console.Write(shocks);
        foreach (var m in r.Minerals)
        {
            var title = mc ? $"{m.Mineral}: mean (median · P95 · CVaR95) over runs" : m.Mineral;
            var table = new Table().Title(title.EscapeMarkup()).AddColumns("stage", "shocked share", "world short", "world short (t)",
                $"{r.Perspective} short", $"{r.Perspective} short (t)", $"{r.Perspective} stockpile drawn (t)");
            foreach (var s in m.Stages)
            {
                var shares = string.Join(" ", s.ShockedShares.Select(x => F($"{x.Key} {x.Value:P1}")));
                table.AddRow(s.Stage, shares,
                    Cell(s.WorldShortfallFraction, s.Distribution?["world_shortfall_fraction"], true),
                    Cell(s.WorldShortfallT, s.Distribution?["world_shortfall_t"], false),
                    s.Country.ShortfallFraction is { } f ? Cell(f, s.Distribution?["shortfall_fraction"], true) : "[grey]takes none[/]",
                    s.Country.ShortfallT is { } t ? Cell(t, s.Distribution?["shortfall_t"], false) : "[grey]use unknown[/]",
                    s.Country.StockpileDrawnT is { } d ? F($"{d:N0}") : "");
            }
            console.Write(table);
            if (m.Sectors.Count > 0)
            {
                var sectors = new Table().Title($"{m.Mineral}: downstream (refined shortfall by end use)".EscapeMarkup())
                    .AddColumns("sector / chemistry", "share", "world", r.Perspective);
                foreach (var s in m.Sectors)
                {
                    sectors.AddRow(s.Sector.EscapeMarkup(), F($"{s.Share:P1}"), Cell(s.WorldShortfallT, s.Distribution?["world_shortfall_t"], false) + " t",
                        s.CountryShortfallT is { } c ? Cell(c, s.Distribution?["shortfall_t"], false) + " t" : "[grey]use unknown[/]");
                }
                foreach (var b in m.Battery)
                {
                    sectors.AddRow($"{b.Chemistry.EscapeMarkup()} cells not made", F($"{b.GwhShare:P0} of GWh"),
                        Cell(b.WorldGwhNotMade, b.Distribution?["world_gwh_not_made"], false, "0.###") + " GWh",
                        b.CountryGwhNotMade is { } c ? Cell(c, b.Distribution?["gwh_not_made"], false, "0.###") + " GWh" : "[grey]use unknown[/]");
                }
                console.Write(sectors);
            }
            foreach (var note in m.Notes)
            {
                console.MarkupLine($"[grey]  {m.Mineral}: {note.EscapeMarkup()}[/]");
            }
        }
        foreach (var w in r.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {w.EscapeMarkup()}");
        }
    }

    private static string Cell(double value, SimulateReport.Stat? stat, bool percent, string number = "N0")
    {
        string Fmt(double v) => percent ? v.ToString("P2", CultureInfo.InvariantCulture) : v.ToString(number, CultureInfo.InvariantCulture);
        return stat is null ? Fmt(value) : $"{Fmt(stat.Mean)} [grey]({Fmt(stat.Median)} · {Fmt(stat.P95)} · {Fmt(stat.Cvar95)})[/]";
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
