using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Khanij.Data.Import;

/// <summary>The pack writer for PostgreSQL: the same tables (<see cref="Schema.Tables"/>, in PostgreSQL's types), filled by binary COPY,
/// all in one transaction. PostgreSQL's DDL is transactional, so a failure anywhere leaves the previous tables as they were.</summary>
internal static class PostgresPackWriter
{
    public static void Write(NpgsqlConnection connection, PackData data, string dataDir, Action<string>? step, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction();
        // One import at a time (two servers starting on an empty database both want to import).
        Execute(connection, "SELECT pg_advisory_xact_lock(7216014)");
        foreach (var (name, columns) in Schema.Tables)
        {
            Execute(connection, $"DROP TABLE IF EXISTS {name}");
            Execute(connection, $"CREATE TABLE {name} ({DbCommands.PostgresDdl(columns)})");
        }
        foreach (var (name, columns) in Schema.Tables)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (name == "sources")
            {
                continue;
            }
            step?.Invoke(name);
            Copy(connection, name, columns, data.Tables[name]);
        }
        var sources = Schema.Tables.Single(t => t.Name == "sources");
        Copy(connection, sources.Name, sources.Columns, PackWriter.SourceRows(data));
        Execute(connection, $"CREATE TABLE IF NOT EXISTS {Schema.InfoTable} (key VARCHAR COLLATE \"C\" PRIMARY KEY, value VARCHAR COLLATE \"C\" NOT NULL)");
        Execute(connection, $"DELETE FROM {Schema.InfoTable}");
        foreach (var (key, value) in PackWriter.InfoRows(dataDir))
        {
            using var insert = new NpgsqlCommand($"INSERT INTO {Schema.InfoTable} VALUES (@k, @v)", connection);
            insert.Parameters.AddWithValue("k", key);
            insert.Parameters.AddWithValue("v", value);
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private static void Copy(NpgsqlConnection connection, string table, string columns, List<object?[]> rows)
    {
        var types = columns.Split(',').Select(c => TypeOf(table, c.Trim())).ToArray();
        using var importer = connection.BeginBinaryImport($"COPY {table} FROM STDIN (FORMAT BINARY)");
        foreach (var values in rows)
        {
            if (values.Length != types.Length)
            {
                throw new InvalidOperationException($"{table}: a row has {values.Length} values; the table has {types.Length} columns.");
            }
            importer.StartRow();
            for (var i = 0; i < values.Length; i++)
            {
                var value = values[i];
                if (value is null)
                {
                    importer.WriteNull();
                    continue;
                }
                switch (types[i])
                {
                    case NpgsqlDbType.Integer:
                        importer.Write(Convert.ToInt32(value, CultureInfo.InvariantCulture), NpgsqlDbType.Integer);
                        break;
                    case NpgsqlDbType.Bigint:
                        importer.Write(Convert.ToInt64(value, CultureInfo.InvariantCulture), NpgsqlDbType.Bigint);
                        break;
                    case NpgsqlDbType.Double:
                        importer.Write(Convert.ToDouble(value, CultureInfo.InvariantCulture), NpgsqlDbType.Double);
                        break;
                    case NpgsqlDbType.Boolean:
                        importer.Write((bool)value, NpgsqlDbType.Boolean);
                        break;
                    default:
                        importer.Write(value as string ?? throw new InvalidOperationException(
                            $"{table}: column {i + 1} holds text, but the value is a {value.GetType().Name}."), NpgsqlDbType.Varchar);
                        break;
                }
            }
        }
        importer.Complete();
    }

    private static NpgsqlDbType TypeOf(string table, string column)
    {
        var type = column.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return type switch
        {
            "VARCHAR" => NpgsqlDbType.Varchar,
            "INTEGER" => NpgsqlDbType.Integer,
            "BIGINT" => NpgsqlDbType.Bigint,
            "DOUBLE" => NpgsqlDbType.Double,
            "BOOLEAN" => NpgsqlDbType.Boolean,
            _ => throw new InvalidOperationException($"{table}: no PostgreSQL mapping for the column type {type}."),
        };
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
