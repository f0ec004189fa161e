using System.CommandLine;
using Khanij.Core.Text;
using Khanij.Data;
using Spectre.Console;

namespace Khanij.Cli;

/// <summary>Opens the store for a command: resolves <c>--db</c>, and on first use imports the bundled pack with a progress bar.</summary>
internal static class StoreAccess
{
    /// <summary>The store named by <c>--db</c> (or the default), imported if it is new. Import errors become exit code 1 with every error listed.
    /// A reading command (<paramref name="write"/> false) opens an imported store read-only, so it runs while <c>khanij serve</c> holds the
    /// file; a writing one opens it read-write, and is told plainly (exit 1) when another process holds it.</summary>
    public static async Task<KhanijStore> OpenStoreAsync(this CliContext context, ParseResult parse, CancellationToken cancellationToken,
        bool write = false)
    {
        try
        {
            return await OpenAsync(context, parse, write, cancellationToken);
        }
        catch (StoreUnavailableException e)
        {
            throw new CliException(e.Message);
        }
    }

    private static async Task<KhanijStore> OpenAsync(CliContext context, ParseResult parse, bool write, CancellationToken cancellationToken)
    {
        var path = CliContext.ResolveDbPath(GlobalOptions.StoreOf(parse));
        if (!write)
        {
            // One open of the file both checks it is imported and serves the reads.
            if (await KhanijStore.OpenReadOnlyIfReadyAsync(path, cancellationToken) is { } ready)
            {
                return ready;
            }
        }
        else if (await KhanijStore.IsReadyAsync(path, cancellationToken))
        {
            return await KhanijStore.OpenAsync(path, context.DataDir, null, cancellationToken);
        }
        context.Error.WriteLine($"khanij: creating the store {StoreLocation.Display(path)} from the data pack in {context.DataDir} …");
        try
        {
            return await WithProgressAsync(context, "Importing",
                progress => KhanijStore.OpenAsync(path, context.DataDir, progress, cancellationToken));
        }
        catch (ImportFailedException e)
        {
            throw new CliException(FormatErrors(e.Errors, "nothing was imported"));
        }
    }

    /// <summary>Runs <paramref name="work"/> under a Spectre progress bar fed by its <see cref="ImportProgress"/> reports. The bar goes to
    /// stderr, so stdout stays clean for --json; when stderr is not a terminal there is no bar at all.</summary>
    public static async Task<T> WithProgressAsync<T>(CliContext context, string title, Func<IProgress<ImportProgress>, Task<T>> work)
    {
        if (Console.IsErrorRedirected)
        {
            return await work(new Progress<ImportProgress>());
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
        return await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(title.EscapeMarkup());
                var progress = new Progress(task, title);
                var result = await work(progress);
                task.Value = task.MaxValue;
                return result;
            });
    }

    public static string FormatErrors(IReadOnlyList<ImportError> errors, string consequence) =>
        $"{Source(errors)} {(errors.Count == 1 ? "has" : "have")} {English.Count(errors.Count, "error")}; {consequence}:\n"
        + string.Join("\n", errors.Select(e => "  " + e));

    /// <summary>What the errors are in: the one file they all come from, else the data pack.</summary>
    private static string Source(IReadOnlyList<ImportError> errors)
    {
        var files = errors.Select(e => e.Source).Distinct(StringComparer.Ordinal).ToList();
        return files.Count == 1 ? files[0] : "the data pack";
    }

    /// <summary>Reports straight into the task (synchronously; <see cref="Progress{T}"/> would post to the thread pool and lag).</summary>
    private sealed class Progress(ProgressTask task, string title) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            task.MaxValue = value.Total;
            task.Value = value.Done;
            var step = value.Step.Length > 44 ? value.Step[..43] + "…" : value.Step;
            task.Description = $"{title}: {step}".EscapeMarkup();
        }
    }
}
