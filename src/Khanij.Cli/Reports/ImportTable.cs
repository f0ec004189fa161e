using System.Globalization;
using Khanij.Analytics.Risk;
using Khanij.Core.Text;
using Spectre.Console;

namespace Khanij.Cli.Reports;

/// <summary>The import side of one risk table, for the terminal: partners in tonnes of contained mineral, codes counted and left out,
/// net import reliance with its inputs.</summary>
internal static class ImportTable
{
    public static void Write(IAnsiConsole console, ReportText text, StageRisk risk)
    {
        if (risk.Imports is not { } i)
        {
            return;
        }
        var inv = CultureInfo.InvariantCulture;
        var title = $"[bold]{text.Mineral(risk.MineralId).Esc()} {risk.Stage.ToString().ToLowerInvariant()}: {English.Possessive(text.Country(risk.Perspective)).Esc()} imports {i.Year}[/] "
            + $"(t of {(i.ContentBasis ?? "contained mineral").Esc()}; ITC Trade Map; * = partner)";
        var table = new Table().Border(TableBorder.Rounded).Title(title);
        table.AddColumns("partner", "t", "share", "partner basis", "restricting");
        table.Columns[1].RightAligned();
        table.Columns[2].RightAligned();
        foreach (var s in i.Shares)
        {
            var minor = risk.MinorSuppliers.Contains(s.Iso3, StringComparer.Ordinal);
            var name = text.Country(s.Iso3) + (i.PartnerBases.ContainsKey(s.Iso3) ? "*" : "");
            table.AddRow((minor ? $"[grey]{name.Esc()} (minor)[/]" : name.Esc()), s.Value.ToString("#,0.#", inv), ReportText.Pct(s.Share),
                i.PartnerBases.TryGetValue(s.Iso3, out var b) ? string.Join(", ", b).Esc() : "",
                i.RestrictingSuppliers.TryGetValue(s.Iso3, out var r) ? string.Join(", ", r).Esc() : "");
        }
        console.Write(table);
        console.MarkupLine($"  total {i.TotalImports.ToString("#,0.#", inv)} t; codes counted: "
            + string.Join(", ", i.Codes.Where(c => c.Counted).Select(c => $"{c.HsCode} ({c.GrossTonnes.ToString("#,0", inv)} t × {c.ContentFactor?.ToString("0.####", inv)})")).Esc());
        foreach (var note in i.Notes)
        {
            console.MarkupLine($"  [grey]{note.Esc()}[/]");
        }
        console.MarkupLine($"  Net import reliance: {risk.Reliance.Basis.Esc()}");
        console.MarkupLine($"  [grey]Materiality: {risk.MaterialityBasis.Esc()}[/]");
    }
}
