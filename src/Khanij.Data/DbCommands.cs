using System.Data.Common;
using System.Text.RegularExpressions;
using Npgsql;

namespace Khanij.Data;

/// <summary>Parameterised commands on an open connection of either engine, shared by the stores that hold one (registry, feeds, users).
/// SQL is written once, with DuckDB's named parameters (<c>$name</c>); for PostgreSQL they become Npgsql's (<c>@name</c>), and the few
/// type names the engines spell differently are translated in DDL (<see cref="Ddl"/>).</summary>
internal static partial class DbCommands
{
    /// <summary>True for a PostgreSQL connection.</summary>
    public static bool IsPostgres(this DbConnection connection) => connection is NpgsqlConnection;

    /// <summary>A command for <paramref name="sql"/> with named parameters (<c>$name</c>); a null value is sent as SQL NULL.</summary>
    public static DbCommand Command(this DbConnection connection, string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = connection.IsPostgres() ? Placeholder().Replace(sql, "@$1") : sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>Runs a statement that returns no rows.</summary>
    public static async Task ExecAsync(this DbConnection connection, string sql, IReadOnlyList<(string Name, object? Value)> parameters,
        CancellationToken cancellationToken)
    {
        await using var command = connection.Command(sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>DDL written in DuckDB's types, in the connection's engine: PostgreSQL says <c>DOUBLE PRECISION</c>, keeps UTC instants in
    /// <c>TIMESTAMPTZ</c> (Npgsql writes UTC <see cref="DateTime"/>s only there), and compares text byte by byte (<c>COLLATE "C"</c>) as
    /// DuckDB does, so both engines sort every listing the same way whatever the server's locale.</summary>
    public static string Ddl(this DbConnection connection, string sql) => connection.IsPostgres() ? PostgresDdl(sql) : sql;

    /// <inheritdoc cref="Ddl"/>
    public static string PostgresDdl(string sql) =>
        Varchar().Replace(Timestamp().Replace(DoubleType().Replace(sql, "DOUBLE PRECISION"), "TIMESTAMPTZ"), "VARCHAR COLLATE \"C\"");

    /// <summary>True when <paramref name="table"/> exists in the connection's current schema.</summary>
    public static async Task<bool> TableExistsAsync(this DbConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = $name AND table_schema = current_schema()", [("name", table)]);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    [GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\bDOUBLE\b(?! PRECISION)")]
    private static partial Regex DoubleType();

    [GeneratedRegex(@"\bTIMESTAMP\b")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"\bVARCHAR\b")]
    private static partial Regex Varchar();
}
