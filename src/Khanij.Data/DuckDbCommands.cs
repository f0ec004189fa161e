using System.Data.Common;
using DuckDB.NET.Data;

namespace Khanij.Data;

/// <summary>Parameterised commands on an open DuckDB connection, shared by the stores that hold one (registry, feeds).</summary>
internal static class DuckDbCommands
{
    /// <summary>A command for <paramref name="sql"/> with named parameters (<c>$name</c>); a null value is sent as SQL NULL.</summary>
    public static DbCommand Command(this DuckDBConnection connection, string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
        }
        return command;
    }

    /// <summary>Runs a statement that returns no rows.</summary>
    public static async Task ExecAsync(this DuckDBConnection connection, string sql, IReadOnlyList<(string Name, object? Value)> parameters,
        CancellationToken cancellationToken)
    {
        await using var command = connection.Command(sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
