using System.CommandLine;
using Khanij.Cli.Reports;
using Khanij.Core.Text;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij countries</c>: ISO countries with English and Hindi names; search in either script.</summary>
internal static class CountriesCommand
{
    public static Command Create(CliContext context)
    {
        var search = new Option<string?>("--search")
        {
            Description = "Only countries whose code, English or Hindi name, alias or adjective contains this text (e.g. जापान, korea, भारतीय).",
        };
        var json = new Option<bool>("--json") { Description = "Print JSON (an array of countries) instead of a table." };
        var command = new Command("countries", "List countries (ISO 3166-1) with English and Hindi names and aliases.")
        {
            search, json,
        };
        command.SetHandler(context, (parse, _) =>
        {
            var text = parse.GetValue(search);
            var rows = string.IsNullOrWhiteSpace(text) ? context.Catalogue.Countries : context.Catalogue.SearchCountries(text);
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(rows));
                return Task.FromResult(ExitCodes.Ok);
            }
            if (rows.Count == 0)
            {
                context.Console.MarkupLine($"No country matches '{text.Esc()}'. Try an ISO code, an English name or a Hindi name.");
                return Task.FromResult(ExitCodes.Ok);
            }
            var table = new TextTable("ISO3", "ISO2", "num", "name", "Hindi", "aliases");
            foreach (var c in rows)
            {
                table.AddRow(c.Iso3, c.Iso2, c.Numeric, c.NameEn, string.Join(", ", c.NamesHi.Take(3)),
                    string.Join(", ", c.AliasesEn.Concat(c.AdjectivesHi).Take(4)));
            }
            context.WriteTable(table);
            context.Console.MarkupLine($"[grey]{English.Count(rows.Count, "country", "countries")} (iso-codes 4.15, Unicode CLDR, data/catalogue/country_aliases.csv).[/]");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
