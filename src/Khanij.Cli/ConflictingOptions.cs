using System.CommandLine;

namespace Khanij.Cli;

/// <summary>Options that cannot be given together are refused at parse time (exit code 1) instead of one silently winning.</summary>
internal static class ConflictingOptions
{
    /// <summary>Output formats: a verb prints one of them.</summary>
    private static readonly string[][] Groups = [["--json", "--csv"]];

    /// <summary>Adds the check to every verb (recursively) that has two or more options of a group.</summary>
    public static void RefuseEverywhere(Command command)
    {
        foreach (var group in Groups)
        {
            var options = command.Options.Where(o => group.Contains(o.Name, StringComparer.Ordinal)).ToList();
            if (options.Count > 1)
            {
                Refuse(command, [.. options]);
            }
        }
        foreach (var sub in command.Subcommands)
        {
            RefuseEverywhere(sub);
        }
    }

    /// <summary>Refuses <paramref name="command"/> when more than one of <paramref name="options"/> is given.</summary>
    public static void Refuse(Command command, params Option[] options) =>
        command.Validators.Add(result =>
        {
            var given = options.Where(o => result.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();
            if (given.Count > 1)
            {
                result.AddError($"{string.Join(" and ", given)} cannot be given together; choose one.");
            }
        });
}
