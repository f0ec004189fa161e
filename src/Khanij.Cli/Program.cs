using System.CommandLine;
using System.Text;
using Khanij.Cli;
using Khanij.Cli.Commands;
using Spectre.Console;

Khanij.Application.Diagnostics.PhaseTimes.Mark("main");
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
// Each verb with what adds it, in the order help lists them.
(string Verb, Action Add)[] verbs =
[
    ("minerals", () => root.Subcommands.Add(MineralsCommand.Create(context))),
    ("mineral", () => root.Subcommands.Add(MineralCommand.Create(context))),
    ("countries", () => root.Subcommands.Add(CountriesCommand.Create(context))),
    ("country", () => root.Subcommands.Add(CountryCommand.Create(context))),
    ("data", () => root.Subcommands.Add(DataCommand.Create(context))),
    ("risk", () => root.Subcommands.Add(RiskCommand.Create(context))),
    ("brief", () => root.Subcommands.Add(BriefCommand.Create(context))),
    ("simulate", () => root.Subcommands.Add(SimulateCommand.Create(context))),
    ("demand", () => root.Subcommands.Add(DemandCommand.Create(context))),
    ("diversify", () => root.Subcommands.Add(DiversifyCommand.Create(context))),
    ("ingest", () =>
    {
        root.Subcommands.Add(IngestCommand.Create(context));
        IngestAddCommand.Register(root, context);
    }),
    ("partners", () => root.Subcommands.Add(PartnersCommand.Create(context))),
    ("feeds", () => root.Subcommands.Add(FeedsCommand.Create(context))),
    ("users", () => root.Subcommands.Add(UsersCommand.Create(context))),
    ("audit", () => root.Subcommands.Add(AuditCommand.Create(context))),
    ("serve", () => root.Subcommands.Add(ServeCommand.Create(context))),
];
// A command line that starts with a verb builds that verb's commands only: building all of them (options, help texts, generic option types
// the JIT compiles) was a third of a short command's start-up. Anything else (no verb, --help, --version, an option first, a misspelt
// verb) builds them all, so help lists every verb and a typo is answered with the nearest ones.
var only = args.Length > 0 ? Array.FindIndex(verbs, v => v.Verb == args[0]) : -1;
for (var i = 0; i < verbs.Length; i++)
{
    if (only < 0 || i == only)
    {
        verbs[i].Add();
    }
}
CliHelp.AddExitCodes(root);
ConflictingOptions.RefuseEverywhere(root);
Khanij.Application.Diagnostics.PhaseTimes.Mark("commands built");
return await CliHelp.InvokeAsync(root.Parse(args), Console.Error);
