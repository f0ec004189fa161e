using System.CommandLine;
using System.Text;
using Khanij.Cli;
using Khanij.Cli.Commands;
using Spectre.Console;

Console.OutputEncoding = Encoding.UTF8;
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 200; // pipes and files get full rows instead of 80-column wrapping
}
var context = new CliContext(AnsiConsole.Console, Console.Out, Console.Error);
var root = new RootCommand(
    "Khanij — critical-minerals supply-chain intelligence: where minerals come from at each stage, how concentrated and exposed "
    + "that is, what a disruption does downstream, and which partnerships close which gaps.");
root.Options.Add(GlobalOptions.Db);
root.Options.Add(GlobalOptions.Store);
root.Subcommands.Add(MineralsCommand.Create(context));
root.Subcommands.Add(MineralCommand.Create(context));
root.Subcommands.Add(CountriesCommand.Create(context));
root.Subcommands.Add(CountryCommand.Create(context));
root.Subcommands.Add(DataCommand.Create(context));
root.Subcommands.Add(RiskCommand.Create(context));
root.Subcommands.Add(BriefCommand.Create(context));
root.Subcommands.Add(SimulateCommand.Create(context));
root.Subcommands.Add(DemandCommand.Create(context));
root.Subcommands.Add(DiversifyCommand.Create(context));
root.Subcommands.Add(IngestCommand.Create(context));
root.Subcommands.Add(PartnersCommand.Create(context));
root.Subcommands.Add(FeedsCommand.Create(context));
IngestAddCommand.Register(root, context);
root.Subcommands.Add(UsersCommand.Create(context));
root.Subcommands.Add(AuditCommand.Create(context));
root.Subcommands.Add(ServeCommand.Create(context));
CliHelp.AddExitCodes(root);
ConflictingOptions.RefuseEverywhere(root);
return await CliHelp.InvokeAsync(root.Parse(args), Console.Error);
