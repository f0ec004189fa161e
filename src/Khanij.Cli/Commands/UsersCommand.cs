using System.CommandLine;
using System.Globalization;
using Khanij.Data;
using Khanij.Data.Accounts;
using Spectre.Console;

namespace Khanij.Cli.Commands;

/// <summary><c>khanij users add NAME --role R</c>, <c>users role NAME R</c>, <c>users password NAME</c>, <c>users token NAME</c>,
/// <c>users list</c>: the local accounts a shared (PostgreSQL) <c>khanij serve</c> signs people in with. Passwords are read from standard
/// input (or KHANIJ_PASSWORD, or a prompt that does not echo), never from the command line, where other users could see them.</summary>
internal static class UsersCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("users",
            "Accounts for signing in to a shared 'khanij serve' (PostgreSQL store): viewer reads; analyst also runs scenarios, ingests and "
            + "proposes; admin also accepts or rejects registry records, imports data and manages users. Every change is audited "
            + "('khanij audit').");
        command.Subcommands.Add(Add(context));
        command.Subcommands.Add(SetRole(context));
        command.Subcommands.Add(Password(context));
        command.Subcommands.Add(Token(context));
        command.Subcommands.Add(List(context));
        return command;
    }

    /// <summary>Who the audit log names for a change made from this command line.</summary>
    public static string Actor => $"{Environment.UserName} (cli)";

    private static Command Add(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "User name: letters, digits, '.', '_' or '-'." };
        var role = new Option<string>("--role") { Description = "viewer, analyst or admin.", Required = true };
        var command = new Command("add",
            $"Add an account. The password (at least {AccountStore.MinPasswordLength} characters, not containing the name) is read from standard "
            + "input, else from KHANIJ_PASSWORD, else asked for without echo.") { name, role };
        command.SetHandler(context, async (parse, ct) =>
        {
            var user = parse.GetValue(name)!;
            var wanted = Parse(() => AccountStore.ParseRole(parse.GetValue(role)!));
            var password = ReadPassword(context, user);
            var account = await WithAccountsAsync(context, parse, (a, t) => a.AddAsync(user, wanted, password, Actor, t), ct);
            context.Console.MarkupLine($"Added [green]{account.Name.EscapeMarkup()}[/] as [blue]{AccountStore.RoleId(account.Role)}[/].");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command SetRole(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "User name." };
        var role = new Argument<string>("ROLE") { Description = "viewer, analyst or admin." };
        var command = new Command("role", "Change an account's role.") { name, role };
        command.SetHandler(context, async (parse, ct) =>
        {
            var wanted = Parse(() => AccountStore.ParseRole(parse.GetValue(role)!));
            var account = await WithAccountsAsync(context, parse, (a, t) => a.SetRoleAsync(parse.GetValue(name)!, wanted, Actor, t), ct);
            context.Console.MarkupLine($"[green]{account.Name.EscapeMarkup()}[/] is now [blue]{AccountStore.RoleId(account.Role)}[/].");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Password(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "User name." };
        var command = new Command("password",
            "Set a new password (read as for 'users add') and lift a lock-out.") { name };
        command.SetHandler(context, async (parse, ct) =>
        {
            var user = parse.GetValue(name)!;
            var password = ReadPassword(context, user);
            await WithAccountsAsync(context, parse, async (a, t) =>
            {
                await a.SetPasswordAsync(user, password, Actor, t);
                return 0;
            }, ct);
            context.Console.MarkupLine($"Password of [green]{user.EscapeMarkup()}[/] set.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Token(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "User name the token acts as (with that user's role)." };
        var label = new Option<string>("--label") { Description = "What the token is for.", DefaultValueFactory = _ => "script" };
        var days = new Option<int>("--days") { Description = "Days until the token expires (1 to 365).", DefaultValueFactory = _ => 90 };
        var command = new Command("token",
            "Create an API token for scripts: send it as 'Authorization: Bearer TOKEN'. It is printed once and only its hash is kept.") { name, label, days };
        command.SetHandler(context, async (parse, ct) =>
        {
            var valid = parse.GetValue(days);
            if (valid is < 1 or > 365)
            {
                throw new CliException($"--days {valid.ToString(CultureInfo.InvariantCulture)} is out of range; expected 1 to 365.");
            }
            var token = await WithAccountsAsync(context, parse,
                (a, t) => a.CreateTokenAsync(parse.GetValue(name)!, parse.GetValue(label)!, TimeSpan.FromDays(valid), Actor, t), ct);
            context.Out.WriteLine(token);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var command = new Command("list", "The accounts, with role and lock-out state.") { json };
        command.SetHandler(context, async (parse, ct) =>
        {
            await using var store = await context.OpenStoreAsync(parse, ct);
            await using var connection = await store.OpenConnectionAsync(ct);
            var accounts = await (await AccountStore.OpenAsync(connection, null, ct)).ListAsync(ct);
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(accounts.Select(a => new
                {
                    name = a.Name, role = AccountStore.RoleId(a.Role), created_utc = a.CreatedUtc, failed_signins = a.FailedSignIns,
                    locked_until_utc = a.LockedUntilUtc,
                })));
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("name", "role", "created (UTC)", "failed sign-ins", "locked until (UTC)");
            foreach (var a in accounts)
            {
                table.AddRow(a.Name.EscapeMarkup(), AccountStore.RoleId(a.Role), a.CreatedUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    a.FailedSignIns.ToString(CultureInfo.InvariantCulture), a.LockedUntilUtc?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "");
            }
            context.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<T> WithAccountsAsync<T>(CliContext context, ParseResult parse, Func<AccountStore, CancellationToken, Task<T>> work,
        CancellationToken ct)
    {
        await using var store = await context.OpenStoreAsync(parse, ct, write: true);
        try
        {
            return await store.WriteAsync(async (connection, t) => await work(await AccountStore.OpenAsync(connection, null, t), t), ct);
        }
        catch (AccountException e)
        {
            throw new CliException(e.Message);
        }
    }

    private static Role Parse(Func<Role> parse)
    {
        try
        {
            return parse();
        }
        catch (AccountException e)
        {
            throw new CliException("--role " + e.Message);
        }
    }

    private static string ReadPassword(CliContext context, string user)
    {
        string? password;
        if (Console.IsInputRedirected)
        {
            password = Console.In.ReadLine();
        }
        else if (Environment.GetEnvironmentVariable("KHANIJ_PASSWORD") is { Length: > 0 } fromEnvironment)
        {
            password = fromEnvironment;
        }
        else
        {
            password = context.Console.Prompt(new TextPrompt<string>($"Password for {user.EscapeMarkup()}:").Secret());
        }
        if (string.IsNullOrEmpty(password))
        {
            throw new CliException("no password was given; expected it on standard input (e.g. from a password manager) or in KHANIJ_PASSWORD.");
        }
        if (AccountStore.PasswordProblem(user, password) is { } problem)
        {
            throw new CliException(problem);
        }
        return password;
    }
}
