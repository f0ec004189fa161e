using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Khanij.Cli;

/// <summary>
/// The help every verb prints: System.CommandLine's sections, then the exit codes once at the end (not inside every verb's
/// description, where the root's list of verbs would repeat them once per verb).
/// </summary>
internal static class CliHelp
{
    public static void AddExitCodes(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        if (help.Action is not HelpAction standard)
        {
            throw new InvalidOperationException("System.CommandLine's help option has no HelpAction; the exit-code section cannot be added.");
        }
        help.Action = new WithExitCodes(standard);
    }

    /// <summary>Runs the parsed command line. On a parse error (unknown verb or option, missing argument) prints the errors and
    /// the typo corrections, then a pointer to the verb's <c>--help</c>, instead of the whole help text after them.</summary>
    public static async Task<int> InvokeAsync(ParseResult parseResult, TextWriter error)
    {
        if (parseResult.Action is not ParseErrorAction parseError)
        {
            return await parseResult.InvokeAsync();
        }
        parseError.ShowHelp = false;
        var exit = await parseResult.InvokeAsync();
        var verb = string.Join(' ', parseResult.CommandResult.Command.Parents.OfType<Command>().Reverse()
            .Append(parseResult.CommandResult.Command).Select(c => c.Name));
        await error.WriteLineAsync($"Run '{verb} --help' for what it takes.");
        return exit;
    }

    private sealed class WithExitCodes(HelpAction standard) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var result = standard.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Exit codes:");
            output.WriteLine($"  {ExitCodes.Ok,-5}ok");
            output.WriteLine($"  {ExitCodes.BadInput,-5}bad input or validation errors (nothing was changed)");
            output.WriteLine($"  {ExitCodes.Failure,-5}unexpected failure");
            output.WriteLine($"  {ExitCodes.Cancelled,-5}cancelled (Ctrl+C)");
            output.WriteLine();
            return result;
        }
    }
}
