using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Khanij.Core.Registry;
using Khanij.Data.Registry;
using Microsoft.AspNetCore.Identity;

namespace Khanij.Data.Accounts;

/// <summary>What a signed-in user may do. Each role includes the ones below it.</summary>
public enum Role
{
    /// <summary>Reads everything.</summary>
    Viewer = 1,

    /// <summary>Also runs scenarios, ingests news and proposes registry records.</summary>
    Analyst = 2,

    /// <summary>Also accepts or rejects registry records, imports data and manages users.</summary>
    Admin = 3,
}

/// <summary>A local account (never its password hash).</summary>
public sealed record Account(string Name, Role Role, DateTime CreatedUtc, int FailedSignIns, DateTime? LockedUntilUtc);

/// <summary>One line of the audit log: who did what to which thing when, with the value before and after.</summary>
public sealed record AuditLogEntry(DateTime AtUtc, string Actor, string Action, string Target, string? Before, string? After, string Detail);

/// <summary>How a sign-in went. <see cref="Account"/> is set only when it succeeded; <see cref="Reason"/> is for the audit log and the
/// server's own log, never for the person signing in (who learns only that it failed, or that the account is locked).</summary>
public sealed record SignInOutcome(Account? Account, bool Locked, string Reason);

/// <summary>A bad account request (unknown role, weak password, name taken …); nothing was changed.</summary>
public sealed class AccountException(string message) : Exception(message);

/// <summary>Local accounts, API tokens and the store-wide audit log, on the store's own connection (either engine). Passwords are
/// hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2 with a per-password salt, its version marked so it
/// can be raised later); API tokens are random 256-bit secrets of which only the SHA-256 is kept. Every change and every failed sign-in is
/// written to <c>audit_log</c> in the same transaction as the change.</summary>
public sealed partial class AccountStore
{
    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS khanij_user (
            name VARCHAR PRIMARY KEY,
            role VARCHAR NOT NULL,
            password_hash VARCHAR NOT NULL,
            failed_signins INTEGER NOT NULL,
            locked_until TIMESTAMP,
            created_at TIMESTAMP NOT NULL,
            updated_at TIMESTAMP NOT NULL);
        CREATE TABLE IF NOT EXISTS khanij_token (
            id VARCHAR PRIMARY KEY,
            user_name VARCHAR NOT NULL,
            secret_sha256 VARCHAR NOT NULL,
            label VARCHAR NOT NULL,
            created_at TIMESTAMP NOT NULL,
            expires_at TIMESTAMP NOT NULL);
        CREATE TABLE IF NOT EXISTS audit_log (
            seq BIGINT PRIMARY KEY,
            happened_at TIMESTAMP NOT NULL,
            actor VARCHAR NOT NULL,
            action VARCHAR NOT NULL,
            target VARCHAR NOT NULL,
            before_value VARCHAR,
            after_value VARCHAR,
            detail VARCHAR NOT NULL);
        """;

    /// <summary>Failed sign-ins in a row after which an account is locked.</summary>
    public const int MaxFailedSignIns = 5;

    /// <summary>Shortest password accepted.</summary>
    public const int MinPasswordLength = 12;

    /// <summary>How long a lock-out lasts.</summary>
    public static TimeSpan LockOut { get; } = TimeSpan.FromMinutes(15);

    private const string TokenPrefix = "khanij_";
    private static readonly PasswordHasher<string> Hasher = new();

    private readonly DbConnection _connection;
    private readonly TimeProvider _clock;

    private AccountStore(DbConnection connection, TimeProvider clock)
    {
        _connection = connection;
        _clock = clock;
    }

    /// <summary>The accounts of the store on <paramref name="connection"/> (the caller keeps it), running the store's migrations first if
    /// its tables are missing.</summary>
    public static async Task<AccountStore> OpenAsync(DbConnection connection, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!await connection.TableExistsAsync("audit_log", cancellationToken))
        {
            await WriteConflicts.RetryAsync(async ct =>
            {
                await StoreMigrations.ApplyAsync(connection, ct);
                return 0;
            }, "Creating the account tables", cancellationToken);
        }
        return new AccountStore(connection, clock ?? TimeProvider.System);
    }

    /// <summary>The role named <paramref name="text"/> (viewer, analyst, admin).</summary>
    /// <exception cref="AccountException">Not a role.</exception>
    public static Role ParseRole(string text) =>
        Enum.TryParse<Role>(text?.Trim(), ignoreCase: true, out var role) && Enum.IsDefined(role) && !int.TryParse(text, out _)
            ? role
            : throw new AccountException($"'{text}' is not a role; expected viewer, analyst or admin.");

    /// <summary>The role's name as stored and shown.</summary>
    public static string RoleId(Role role) => role.ToString().ToLowerInvariant();

    /// <summary>Why <paramref name="password"/> is not acceptable for <paramref name="name"/>, or null when it is.</summary>
    public static string? PasswordProblem(string name, string password)
    {
        if (password.Length < MinPasswordLength)
        {
            return $"the password has {password.Length} characters; expected at least {MinPasswordLength}.";
        }
        if (password.Length > 256)
        {
            return "the password is longer than 256 characters.";
        }
        if (password.Contains(name, StringComparison.OrdinalIgnoreCase))
        {
            return "the password contains the user name.";
        }
        return password.Distinct().Count() < 4 ? "the password repeats too few characters (expected at least 4 different ones)." : null;
    }

    /// <summary>Adds an account.</summary>
    /// <exception cref="AccountException">The name is taken or malformed, or the password is too weak; nothing was changed.</exception>
    public async Task<Account> AddAsync(string name, Role role, string password, string actor, CancellationToken cancellationToken = default)
    {
        if (!UserName().IsMatch(name))
        {
            throw new AccountException($"'{name}' is not a usable user name; expected 1 to 64 letters, digits, '.', '_' or '-'.");
        }
        if (PasswordProblem(name, password) is { } problem)
        {
            throw new AccountException(problem);
        }
        var hash = Hasher.HashPassword(name, password);
        return await InTransactionAsync(async ct =>
        {
            if (await FindAsync(name, ct) is not null)
            {
                throw new AccountException($"a user named '{name}' exists already; expected a new name (change a role with 'khanij users role').");
            }
            var now = Now();
            await _connection.ExecAsync("INSERT INTO khanij_user VALUES ($name, $role, $hash, 0, NULL, $now, $now)",
                [("name", name), ("role", RoleId(role)), ("hash", hash), ("now", now)], ct);
            await AppendAsync(actor, "user.add", name, null, RoleId(role), "account created", ct);
            return (await FindAsync(name, ct))!;
        }, cancellationToken);
    }

    /// <summary>Changes an account's role.</summary>
    public Task<Account> SetRoleAsync(string name, Role role, string actor, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async ct =>
        {
            var before = await FindAsync(name, ct) ?? throw new AccountException($"no user is named '{name}'; 'khanij users list' shows them.");
            await _connection.ExecAsync("UPDATE khanij_user SET role = $role, updated_at = $now WHERE name = $name",
                [("name", name), ("role", RoleId(role)), ("now", Now())], ct);
            await AppendAsync(actor, "user.role", name, RoleId(before.Role), RoleId(role), "role changed", ct);
            return (await FindAsync(name, ct))!;
        }, cancellationToken);

    /// <summary>Sets a new password and lifts a lock-out.</summary>
    public Task SetPasswordAsync(string name, string password, string actor, CancellationToken cancellationToken = default)
    {
        if (PasswordProblem(name, password) is { } problem)
        {
            throw new AccountException(problem);
        }
        var hash = Hasher.HashPassword(name, password);
        return InTransactionAsync(async ct =>
        {
            _ = await FindAsync(name, ct) ?? throw new AccountException($"no user is named '{name}'; 'khanij users list' shows them.");
            await _connection.ExecAsync(
                "UPDATE khanij_user SET password_hash = $hash, failed_signins = 0, locked_until = NULL, updated_at = $now WHERE name = $name",
                [("name", name), ("hash", hash), ("now", Now())], ct);
            await AppendAsync(actor, "user.password", name, null, null, "password set", ct);
            return 0;
        }, cancellationToken);
    }

    /// <summary>Every account, by name.</summary>
    public async Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<Account>();
        await using var command = _connection.Command(
            "SELECT name, role, created_at, failed_signins, locked_until FROM khanij_user ORDER BY name", []);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(ReadAccount(reader));
        }
        return result;
    }

    /// <summary>The account named <paramref name="name"/>, or null.</summary>
    public async Task<Account?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var command = _connection.Command(
            "SELECT name, role, created_at, failed_signins, locked_until FROM khanij_user WHERE name = $name", [("name", name)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadAccount(reader) : null;
    }

    /// <summary>Checks a password. A failure counts against the account; after <see cref="MaxFailedSignIns"/> in a row it is locked for
    /// <see cref="LockOut"/>, during which even the right password fails. Failures and lock-outs are audited with <paramref name="from"/>.</summary>
    public Task<SignInOutcome> SignInAsync(string name, string password, string from, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async ct =>
        {
            var now = Now();
            string? hash = null;
            Account? account = null;
            await using (var command = _connection.Command(
                "SELECT name, role, created_at, failed_signins, locked_until, password_hash FROM khanij_user WHERE name = $name", [("name", name)]))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                if (await reader.ReadAsync(ct))
                {
                    account = ReadAccount(reader);
                    hash = reader.GetString(5);
                }
            }
            if (account is null)
            {
                await AppendAsync(name, "signin.failed", name, null, null, $"no such user (from {from})", ct);
                return new SignInOutcome(null, false, "no such user");
            }
            if (account.LockedUntilUtc is { } until && until > now)
            {
                await AppendAsync(name, "signin.failed", name, null, null, $"account locked until {Iso(until)} (from {from})", ct);
                return new SignInOutcome(null, true, "locked");
            }
            var verdict = Hasher.VerifyHashedPassword(name, hash!, password);
            if (verdict == PasswordVerificationResult.Failed)
            {
                var failures = account.FailedSignIns + 1;
                DateTime? locked = failures >= MaxFailedSignIns ? now + LockOut : null;
                await _connection.ExecAsync("UPDATE khanij_user SET failed_signins = $f, locked_until = $l WHERE name = $name",
                    [("f", locked is null ? failures : 0), ("l", locked), ("name", name)], ct);
                await AppendAsync(name, locked is null ? "signin.failed" : "signin.lockout", name, account.FailedSignIns.ToString(CultureInfo.InvariantCulture),
                    failures.ToString(CultureInfo.InvariantCulture),
                    locked is null ? $"wrong password (from {from})" : $"wrong password {failures} times; locked until {Iso(locked.Value)} (from {from})", ct);
                return new SignInOutcome(null, locked is not null, "wrong password");
            }
            var rehash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(name, password) : hash!;
            await _connection.ExecAsync("UPDATE khanij_user SET failed_signins = 0, locked_until = NULL, password_hash = $h WHERE name = $name",
                [("h", rehash), ("name", name)], ct);
            await AppendAsync(name, "signin", name, null, null, $"signed in (from {from})", ct);
            return new SignInOutcome(account with { FailedSignIns = 0, LockedUntilUtc = null }, false, "ok");
        }, cancellationToken);

    /// <summary>Creates an API token for <paramref name="name"/>, valid for <paramref name="lifetime"/>. The token is returned once and
    /// never stored (only its SHA-256 is).</summary>
    public Task<string> CreateTokenAsync(string name, string label, TimeSpan lifetime, string actor, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async ct =>
        {
            _ = await FindAsync(name, ct) ?? throw new AccountException($"no user is named '{name}'; 'khanij users list' shows them.");
            var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
            var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var now = Now();
            await _connection.ExecAsync("INSERT INTO khanij_token VALUES ($id, $user, $sha, $label, $now, $until)",
                [("id", id), ("user", name), ("sha", Sha(secret)), ("label", label), ("now", now), ("until", now + lifetime)], ct);
            await AppendAsync(actor, "token.create", name, null, id, $"API token '{label}' until {Iso(now + lifetime)}", ct);
            return $"{TokenPrefix}{id}_{secret}";
        }, cancellationToken);

    /// <summary>The account an API token belongs to, or null when the token is unknown, malformed or expired.</summary>
    public async Task<Account?> ValidateTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return null;
        }
        var parts = token[TokenPrefix.Length..].Split('_', 2);
        if (parts.Length != 2)
        {
            return null;
        }
        string? user = null;
        string? sha = null;
        DateTime expires = default;
        await using (var command = _connection.Command("SELECT user_name, secret_sha256, expires_at FROM khanij_token WHERE id = $id", [("id", parts[0])]))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                user = reader.GetString(0);
                sha = reader.GetString(1);
                expires = DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc);
            }
        }
        if (user is null || expires <= Now()
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(sha!), Encoding.ASCII.GetBytes(Sha(parts[1]))))
        {
            return null;
        }
        return await FindAsync(user, cancellationToken);
    }

    /// <summary>Appends one entry to the audit log (for writes made elsewhere, e.g. a data import), in its own transaction.</summary>
    public Task RecordAsync(string actor, string action, string target, string? before, string? after, string detail,
        CancellationToken cancellationToken = default) =>
        InTransactionAsync(async ct =>
        {
            await AppendAsync(actor, action, target, before, after, detail, ct);
            return 0;
        }, cancellationToken);

    /// <summary>The audit log, oldest first: the entries of <c>audit_log</c> (accounts, sign-ins, imports) together with the registry's
    /// per-record trail (<c>registry_audit</c>: every record created, merged, accepted, rejected or edited, with its field changes),
    /// optionally from <paramref name="sinceUtc"/> on and/or for one actor.</summary>
    public async Task<IReadOnlyList<AuditLogEntry>> ReadAsync(DateTime? sinceUtc = null, string? actor = null, CancellationToken cancellationToken = default)
    {
        var result = new List<AuditLogEntry>();
        await using (var command = _connection.Command(
            "SELECT happened_at, actor, action, target, before_value, after_value, detail FROM audit_log ORDER BY seq", []))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                result.Add(new AuditLogEntry(DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc), reader.GetString(1), reader.GetString(2),
                    reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6)));
            }
        }
        if (await _connection.TableExistsAsync("registry_audit", cancellationToken))
        {
            await using var command = _connection.Command("SELECT happened_at, who, action, record_id, changes FROM registry_audit ORDER BY seq", []);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var changes = JsonSerializer.Deserialize<List<FieldChange>>(reader.GetString(4), RegistryJson.Options) ?? [];
                result.Add(new AuditLogEntry(DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc), reader.GetString(1),
                    "registry." + reader.GetString(2), reader.GetString(3),
                    changes.Count == 0 ? null : JsonSerializer.Serialize(changes.ToDictionary(c => c.Field, c => c.Old), RegistryJson.Options),
                    changes.Count == 0 ? null : JsonSerializer.Serialize(changes.ToDictionary(c => c.Field, c => c.New), RegistryJson.Options),
                    changes.Count == 0 ? "" : string.Join(", ", changes.Select(c => c.Field))));
            }
        }
        return [.. result.Where(e => (sinceUtc is null || e.AtUtc >= sinceUtc) && (actor is null || e.Actor == actor || e.Actor.StartsWith(actor + " ", StringComparison.Ordinal)))
            .OrderBy(e => e.AtUtc)];
    }

    private async Task AppendAsync(string actor, string action, string target, string? before, string? after, string detail, CancellationToken ct) =>
        await _connection.ExecAsync(
            "INSERT INTO audit_log SELECT COALESCE(MAX(seq), 0) + 1, $at, $actor, $action, $target, $before, $after, $detail FROM audit_log",
            [("at", Now()), ("actor", actor), ("action", action), ("target", target), ("before", before), ("after", after), ("detail", detail)], ct);

    private Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct) =>
        WriteConflicts.RetryAsync(async token =>
        {
            await using var transaction = _connection.IsPostgres()
                ? await _connection.BeginTransactionAsync(IsolationLevel.Serializable, token)
                : await _connection.BeginTransactionAsync(token);
            var result = await work(token);
            await transaction.CommitAsync(token);
            return result;
        }, "The account change", ct);

    private static Account ReadAccount(DbDataReader reader) =>
        new(reader.GetString(0), ParseRole(reader.GetString(1)), DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc), reader.GetInt32(3),
            reader.IsDBNull(4) ? null : DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc));

    private DateTime Now() => _clock.GetUtcNow().UtcDateTime;

    private static string Sha(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex UserName();
}
