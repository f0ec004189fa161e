using System.Data.Common;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using Npgsql;

namespace Khanij.Data.Registry;

/// <summary>Concurrent writers of one store (two reviewers accepting the same record, two imports of one id) can collide: DuckDB
/// then aborts one transaction ("Conflict on update", a duplicate key at commit). The work is read-check-write inside its transaction,
/// so running it again on the new state is safe: it either succeeds or now sees why it cannot (the id is taken, the record is already
/// accepted). After a few tries the caller gets a <see cref="RegistryConflictException"/> with the reason, never a raw database error.</summary>
internal static class WriteConflicts
{
    /// <summary>Attempts before giving up (the first try included).</summary>
    public const int Attempts = 8;

    /// <summary>Runs <paramref name="attempt"/> again when DuckDB reports a write conflict, with a short randomised pause.</summary>
    public static async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> attempt, string what, CancellationToken ct)
    {
        for (var i = 1; ; i++)
        {
            try
            {
                return await attempt(ct);
            }
            catch (DbException e) when (IsConflict(e))
            {
                if (i >= Attempts)
                {
                    throw new RegistryConflictException(
                        $"{what} collided with other changes to the same records {Attempts} times ({FirstLine(e.Message)}); nothing was changed. Try again.", e);
                }
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * i)), ct);
            }
        }
    }

    /// <summary>A transaction aborted because another one changed the same rows first (or took the same key).</summary>
    /// <remarks>PostgreSQL (serializable transactions): serialization failure, deadlock, or a key taken by a concurrent insert.</remarks>
    public static bool IsConflict(DbException e) => e switch
    {
        DuckDBException duck => duck.ErrorType is DuckDBErrorType.Transaction or DuckDBErrorType.Constraint
            || duck.Message.Contains("Conflict on", StringComparison.OrdinalIgnoreCase)
            || duck.Message.Contains("write-write conflict", StringComparison.OrdinalIgnoreCase),
        PostgresException pg => pg.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected
            or PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
