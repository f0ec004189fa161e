using System.CommandLine;
using Khanij.Data;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij data import [DIR]</c> and <c>khanij data status [--json]</c>.</summary>
internal static class DataCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("data", "Manage the embedded store: import the data pack, show what it holds.\n\n" + ExitCodes.HelpText);
        command.Subcommands.Add(CreateImport(context));
        command.Subcommands.Add(CreateStatus(context));
        return command;
    }

    private static Command CreateImport(CliContext context)
    {
        var dir = new Argument<string?>("DIR")
        {
            Description = "Data directory to import (default: the bundled data/). Needs the same files and catalogue/ as data/.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("import",
            "Check every file of a data pack and, only if all are valid, replace the store's data with it in one transaction. "
            + "All errors are listed as file:line:column; with any error nothing changes. Running it twice gives the same counts.\n\n"
            + ExitCodes.HelpText)
        {
            dir,
        };
        command.SetHandler(context, async (parse, ct) =>
        {
            var dataDir = parse.GetValue(dir) is { Length: > 0 } d ? Path.GetFullPath(d) : context.DataDir;
            if (!Directory.Exists(dataDir))
            {
                throw new CliException($"'{dataDir}' is not a directory; expected a data directory such as data/.");
            }
            var path = CliContext.ResolveDbPath(parse.GetValue(GlobalOptions.Db));
            await using var store = KhanijStore.At(path);
            var result = await StoreAccess.WithProgressAsync(context, "Importing", progress => store.ImportAsync(dataDir, progress, ct));
            if (!result.Succeeded)
            {
                context.Error.WriteLine("error: " + StoreAccess.FormatErrors(result.Errors, $"the store {path} was not changed"));
                return ExitCodes.BadInput;
            }
            context.Console.MarkupLine($"Imported [green]{result.Counts.Values.Sum():N0}[/] rows into [blue]{path.EscapeMarkup()}[/].");
            WriteCounts(context, result.Counts);
            WriteWarnings(context, result.Warnings);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateStatus(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON (store path, info, counts per table, sources) instead of tables." };
        var command = new Command("status",
            "Show the store: its path, row counts per table, and each source file with publisher, edition, licence and rows imported/excluded. "
            + "Creates and imports the store on first use.\n\n" + ExitCodes.HelpText)
        {
            json,
        };
        command.SetHandler(context, async (parse, ct) =>
        {
            await using var store = await context.OpenStoreAsync(parse, ct);
            var counts = await store.GetCountsAsync(ct);
            var sources = await store.GetSourcesAsync(ct);
            var info = await store.GetInfoAsync(ct);
            var changed = await store.FindChangedSourcesAsync(context.DataDir, ct);
            var warnings = await store.GetImportWarningsAsync(ct);
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(new { store = store.DbPath, info, counts, sources, warnings, pack_changed_since_import = changed }));
                return ExitCodes.Ok;
            }
            context.Console.MarkupLine($"Store [blue]{store.DbPath.EscapeMarkup()}[/] (schema {info.GetValueOrDefault("schema_version", "?")}, "
                + $"imported {info.GetValueOrDefault("imported_at_utc", "?")} from {info.GetValueOrDefault("data_dir", "?").EscapeMarkup()})");
            WriteCounts(context, counts);
            var table = new Table().AddColumns("file", "edition / vintage", "licence")
                .AddColumn(new TableColumn("rows").RightAligned()).AddColumn(new TableColumn("imported").RightAligned())
                .AddColumn(new TableColumn("excluded").RightAligned());
            foreach (var s in sources)
            {
                table.AddRow(s.File.EscapeMarkup(), s.Edition.EscapeMarkup(), s.Licence.EscapeMarkup(), N(s.FileRows), N(s.ImportedRows),
                    s.ExcludedRows == 0 ? "" : N(s.ExcludedRows));
            }
            context.Console.Write(table);
            foreach (var s in sources.Where(s => s.ExcludedRows > 0))
            {
                context.Console.MarkupLine($"[grey]excluded from {s.File.EscapeMarkup()}: {N(s.ExcludedRows)} rows, {s.Exclusions.EscapeMarkup()}[/]");
            }
            WriteWarnings(context, warnings);
            context.Console.MarkupLine("[grey]Publishers, caveats and units: data/SOURCES.md. Schema and import rules: docs/data.md.[/]");
            if (changed.Count > 0)
            {
                context.Console.MarkupLine($"[yellow]The data pack in {context.DataDir.EscapeMarkup()} differs from what this store imported "
                    + $"({string.Join(", ", changed).EscapeMarkup()}). Run 'khanij data import' to refresh it.[/]");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteWarnings(CliContext context, IReadOnlyList<string> warnings)
    {
        foreach (var w in warnings)
        {
            context.Console.MarkupLine($"[yellow]warning: {w.EscapeMarkup()}[/]");
        }
    }

    private static string N(int n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteCounts(CliContext context, IReadOnlyDictionary<string, long> counts)
    {
        var table = new Table().AddColumn("table").AddColumn(new TableColumn("rows").RightAligned());
        foreach (var (name, count) in counts)
        {
            table.AddRow(name, count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        }
        context.Console.Write(table);
    }
}
