using System.CommandLine;
using Khanij.Data;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij data import [DIR]</c> and <c>khanij data status [--json]</c>.</summary>
internal static class DataCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("data", "Manage the embedded store: import the data pack, show what it holds.");
        command.Subcommands.Add(CreateImport(context));
        command.Subcommands.Add(CreateStatus(context));
        command.Subcommands.Add(CreateAdd(context));
        command.Subcommands.Add(CreateSources(context));
        return command;
    }

    private static Command CreateAdd(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "A file in its publisher's own layout (see docs/data.md, 'Adding a source')." };
        var format = new Option<string?>("--format")
        {
            Description = "usgs-mcs (USGS MCS data-release world CSV), comtrade (UN Comtrade CSV export) or baci (CEPII BACI CSV). "
                + "Default: recognised from the header.",
        };
        format.AcceptOnlyFromAmong([.. AddedSource.Formats]);
        var source = new Option<string?>("--source") { Description = "Source id to store the rows under (default: usgs_<edition>, comtrade_added, baci)." };
        var edition = new Option<string?>("--edition") { Description = "Edition label (default: from the file: its Source column or its name)." };
        var mineral = new Option<string?>("--mineral") { Description = "Mineral of a USGS file (default: from the file name, e.g. mcs2025-lithi_world.csv)." };
        var command = new Command("add",
            "Check a file in its publisher's own layout and add it as a new source with its edition, beside the sources already in the store. "
            + "All-or-nothing: with any error (printed as file:line:column) the store and its sources stay as they were. The file is kept beside "
            + "the store (<store>.sources/) so that 'data import' keeps it.")
        {
            file, format, source, edition, mineral,
        };
        command.SetHandler(context, async (parse, ct) =>
        {
            var path = Path.GetFullPath(parse.GetValue(file)!);
            if (!File.Exists(path))
            {
                throw new CliException($"{path} does not exist; expected a file to add.");
            }
            var fmt = parse.GetValue(format) ?? AddedSourceDefaults.Guess(path)
                ?? throw new CliException($"{Path.GetFileName(path)}: the header matches no known layout; pass --format {string.Join("|", AddedSource.Formats)}.");
            AddedSource request;
            try
            {
                request = AddedSourceDefaults.For(path, fmt, parse.GetValue(source), parse.GetValue(edition), parse.GetValue(mineral), context.Catalogue);
            }
            catch (ArgumentException e)
            {
                throw new CliException(e.Message);
            }
            await using var store = await context.OpenStoreAsync(parse, ct, write: true);
            var result = await StoreAccess.WithProgressAsync(context, "Adding", progress => store.AddSourceAsync(context.DataDir, path, request, progress, ct));
            if (!result.Succeeded)
            {
                context.Error.WriteLine("error: " + StoreAccess.FormatErrors(result.Errors, $"nothing was added; the store {store.DbPath} was not changed"));
                return ExitCodes.BadInput;
            }
            var added = (await store.GetSourcesAsync(ct)).First(s => s.File == Path.GetFileName(path));
            context.Console.MarkupLine($"Added [green]{Path.GetFileName(path).EscapeMarkup()}[/] as source [blue]{request.Dataset.EscapeMarkup()}[/], "
                + $"edition '{added.Edition.EscapeMarkup()}': {N(added.ImportedRows)} of {N(added.FileRows)} rows"
                + (added.ExcludedRows > 0 ? $" ({N(added.ExcludedRows)} excluded: {added.Exclusions.EscapeMarkup()})" : "") + ".");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateSources(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var command = new Command("sources",
            "List every source id and edition in the store, per table, with its file, rows, minerals and years: the values --source and --edition "
            + "take. Files added with 'data add' are marked.")
        {
            json,
        };
        command.SetHandler(context, async (parse, ct) =>
        {
            await using var store = await context.OpenStoreAsync(parse, ct);
            var datasets = await store.GetDatasetsAsync(ct);
            var added = store.GetAddedSources();
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(new { datasets, added }));
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("source", "edition", "table", "file").AddColumn(new TableColumn("rows").RightAligned()).AddColumns("years", "minerals");
            foreach (var d in datasets)
            {
                var mark = added.Any(a => a.File == d.File) ? " (added)" : "";
                table.AddRow(d.Source.EscapeMarkup(), d.Edition.EscapeMarkup(), d.Table, (d.File + mark).EscapeMarkup(),
                    d.Rows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), d.Years ?? "",
                    (d.Minerals.Count > 6 ? $"{d.Minerals.Count} minerals" : string.Join(", ", d.Minerals)).EscapeMarkup());
            }
            context.Console.Write(table);
            return ExitCodes.Ok;
        });
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
            + "All errors are listed as file:line:column; with any error nothing changes. Running it twice gives the same counts.")
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
            var path = CliContext.ResolveDbPath(GlobalOptions.StoreOf(parse));
            await using var store = KhanijStore.At(path);
            var result = await StoreAccess.WithProgressAsync(context, "Importing", progress => store.ImportAsync(dataDir, progress, ct));
            if (!result.Succeeded)
            {
                context.Error.WriteLine("error: " + StoreAccess.FormatErrors(result.Errors, $"the store {StoreLocation.Display(path)} was not changed"));
                return ExitCodes.BadInput;
            }
            await store.WriteAsync(async (connection, t) =>
            {
                var accounts = await Khanij.Data.Accounts.AccountStore.OpenAsync(connection, null, t);
                await accounts.RecordAsync(UsersCommand.Actor, "data.import", dataDir, null,
                    result.Counts.Values.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture) + " rows", "data pack imported", t);
                return 0;
            }, ct);
            context.Console.MarkupLine($"Imported [green]{result.Counts.Values.Sum():N0}[/] rows into [blue]{StoreLocation.Display(path).EscapeMarkup()}[/].");
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
            + "Creates and imports the store on first use.")
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
