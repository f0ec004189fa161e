using System.CommandLine;
using Spectre.Console;

namespace Khanij.Cli;

/// <summary>Wraps command handlers so errors become clear messages and the documented exit codes.</summary>
internal static class CommandRunner
{
    public static void SetHandler(this Command command, CliContext context, Func<ParseResult, CancellationToken, Task<int>> handler) =>
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                return await handler(parseResult, cancellationToken);
            }
            catch (CliException e)
            {
                context.Error.WriteLine("error: " + e.Message);
                return ExitCodes.BadInput;
            }
            catch (Khanij.Data.StoreUnavailableException e)
            {
                // Another process holds the store (e.g. 'khanij serve' while this command writes): the message says what to do.
                context.Error.WriteLine("error: " + e.Message);
                return ExitCodes.BadInput;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                context.Error.WriteLine("cancelled.");
                return ExitCodes.Cancelled;
            }
            catch (DirectoryNotFoundException e)
            {
                context.Error.WriteLine("error: " + e.Message);
                return ExitCodes.Failure;
            }
#pragma warning disable CA1031 // the top of a command: anything unexpected becomes exit code 2 with a message
            catch (Exception e)
#pragma warning restore CA1031
            {
                context.Error.WriteLine($"unexpected failure: {e.GetType().Name}: {e.Message}");
                if (Environment.GetEnvironmentVariable("KHANIJ_DEBUG") == "1")
                {
                    context.Error.WriteLine(e.ToString());
                }
                return ExitCodes.Failure;
            }
        });

    /// <summary>Escapes text for Spectre markup.</summary>
    public static string Esc(this string? text) => Markup.Escape(text ?? "");
}
