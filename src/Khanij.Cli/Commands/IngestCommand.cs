using System.CommandLine;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij ingest</c>: news and press releases (Hindi, English) to proposed cooperation events.</summary>
internal static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("ingest", "Read news and press releases in Hindi or English (text or HTML) and propose cooperation events, "
            + "each with verbatim evidence.");
        command.Subcommands.Add(IngestExtractCommand.Create(context));
        command.Subcommands.Add(IngestEvalCommand.Create(context));
        command.Subcommands.Add(IngestWatchCommand.Create(context));
        return command;
    }
}
