using System.CommandLine;
using Khanij.Cli.Reports;
using Khanij.Core.Catalogue;
using Khanij.Core.Text;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij minerals</c>: the mineral catalogue, optionally one criticality list.</summary>
internal static class MineralsCommand
{
    public static Command Create(CliContext context)
    {
        var list = new Option<string?>("--list")
        {
            Description = "Only minerals on this criticality list: india (2023, 30 minerals), eu (2023 CRM) or us (USGS 2022).",
        };
        list.AcceptOnlyFromAmong("india", "eu", "us");
        var json = new Option<bool>("--json") { Description = "Print JSON (an array of minerals) instead of a table." };
        var command = new Command("minerals", "List the catalogue's minerals with Hindi names, symbols, HS codes and criticality flags.") { list, json };
        command.SetHandler(context, (parse, _) =>
        {
            IEnumerable<Mineral> minerals = context.Catalogue.Minerals;
            minerals = parse.GetValue(list) switch
            {
                "india" => minerals.Where(m => m.India2023),
                "eu" => minerals.Where(m => m.Eu2023),
                "us" => minerals.Where(m => m.Us2022),
                _ => minerals,
            };
            var rows = minerals.ToList();
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(rows));
                return Task.FromResult(ExitCodes.Ok);
            }
            var table = new TextTable("id", "name", "Hindi", "symbols", "HS codes", "India 2023", "EU 2023", "US 2022");
            foreach (var m in rows)
            {
                table.AddRow(m.Id, m.NameEn, string.Join(", ", m.NamesHi.Take(3)), string.Join(" ", m.Symbols),
                    string.Join(" ", m.HsCodes.Take(4)), Flag(m.India2023), Flag(m.Eu2023), Flag(m.Us2022));
            }
            context.WriteTable(table);
            context.Console.MarkupLine($"[grey]{English.Count(rows.Count, "mineral")}. Lists: data/criticality_lists.csv; names: data/catalogue/minerals.csv.[/]");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static string Flag(bool on) => on ? "yes" : "";
}
