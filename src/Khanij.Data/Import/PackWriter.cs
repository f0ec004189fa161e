using System.Data.Common;
using DuckDB.NET.Data;
using Npgsql;

namespace Khanij.Data.Import;

/// <summary>Replaces the store's own tables with a checked <see cref="PackData"/> in one transaction: either all of it lands or none.</summary>
internal static class PackWriter
{
    public static void Write(DbConnection connection, PackData data, string dataDir, Action<string>? step, CancellationToken cancellationToken)
    {
        switch (connection)
        {
            case DuckDBConnection duck:
                WriteDuckDb(duck, data, dataDir, step, cancellationToken);
                break;
            case NpgsqlConnection postgres:
                PostgresPackWriter.Write(postgres, data, dataDir, step, cancellationToken);
                break;
            default:
                throw new NotSupportedException($"No pack writer for {connection.GetType().Name}.");
        }
    }

    /// <summary>The store-info rows an import writes: schema version, when, from where.</summary>
    public static IEnumerable<(string Key, string Value)> InfoRows(string dataDir) =>
    [
        ("schema_version", Schema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("imported_at_utc", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)),
        ("data_dir", Path.GetFullPath(dataDir)),
    ];

    /// <summary>The rows of the <c>sources</c> table.</summary>
    public static List<object?[]> SourceRows(PackData data) => [.. data.Sources.Select(s => new object?[]
    {
        s.File, s.Dataset, s.Publisher, s.Edition, s.Licence, s.Tables, s.FileRows, s.ImportedRows, s.ExcludedRows, s.Exclusions, s.Sha256,
    })];

    private static void WriteDuckDb(DuckDBConnection connection, PackData data, string dataDir, Action<string>? step, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction();
        try
        {
            foreach (var (name, columns) in Schema.Tables)
            {
                Execute(connection, $"DROP TABLE IF EXISTS {name}");
                Execute(connection, $"CREATE TABLE {name} ({columns})");
            }
            foreach (var (name, _) in Schema.Tables)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (name == "sources")
                {
                    continue;
                }
                step?.Invoke(name);
                Append(connection, name, data.Tables[name]);
            }
            Append(connection, "sources", SourceRows(data));
            Execute(connection, $"CREATE TABLE IF NOT EXISTS {Schema.InfoTable} (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)");
            Execute(connection, $"DELETE FROM {Schema.InfoTable}");
            using var info = connection.CreateAppender(Schema.InfoTable);
            foreach (var (key, value) in InfoRows(dataDir))
            {
                info.CreateRow().AppendValue(key).AppendValue(value).EndRow();
            }
            info.Close();
            transaction.Commit();
        }
        catch
        {
            transaction.Rollback();
            throw;
        }
        // Fold the write-ahead log into the file now, so that the .duckdb file alone holds the import (copies, backups).
        Execute(connection, "CHECKPOINT");
    }

    private static void Append(DuckDBConnection connection, string table, List<object?[]> rows)
    {
        var width = Schema.ColumnCount(table);
        using var appender = connection.CreateAppender(table);
        foreach (var values in rows)
        {
            if (values.Length != width)
            {
                throw new InvalidOperationException($"{table}: a row has {values.Length} values; the table has {width} columns.");
            }
            var row = appender.CreateRow();
            foreach (var value in values)
            {
                row = value switch
                {
                    null => row.AppendNullValue(),
                    string s => row.AppendValue(s),
                    int i => row.AppendValue(i),
                    long l => row.AppendValue(l),
                    double d => row.AppendValue(d),
                    bool b => row.AppendValue(b),
                    _ => throw new InvalidOperationException($"{table}: cannot append a {value.GetType().Name}."),
                };
            }
            row.EndRow();
        }
        appender.Close();
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
