using System.CommandLine;
using Spectre.Console;

namespace Khanij.Cli.Tests.Risk;

/// <summary>Runs khanij verbs in-process against one temporary store (a copy of the pack imported once per assembly,
/// <see cref="PackStoreTemplate"/>).</summary>
public sealed class StoreFixture : IDisposable, IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "khanij-risk-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public string DbPath => Path.Combine(Directory, "khanij.duckdb");

    public StoreFixture() => System.IO.Directory.CreateDirectory(Directory);

    public async ValueTask InitializeAsync() => await PackStoreTemplate.CopyToAsync(DbPath);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public async Task<(int Exit, string Out, string Console, string Error)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var screen = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(screen),
        });
        console.Profile.Width = 240;
        var context = new CliContext(console, stdout, stderr);
        var root = new RootCommand("test") { GlobalOptions.Db };
        root.Subcommands.Add(Commands.RiskCommand.Create(context));
        root.Subcommands.Add(Commands.BriefCommand.Create(context));
        root.Subcommands.Add(Commands.PartnersCommand.Create(context));
        var exit = await root.Parse([.. args, "--db", DbPath]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        return (exit, stdout.ToString(), screen.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp directory is harmless
        }
    }
}
