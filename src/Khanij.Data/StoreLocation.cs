using System.Globalization;
using Npgsql;

namespace Khanij.Data;

/// <summary>Where a store lives: a DuckDB file path, or a PostgreSQL server as a URI
/// (<c>postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?host=/socket/dir&amp;sslmode=require…]</c>, as libpq writes it).</summary>
public static class StoreLocation
{
    /// <summary>True when <paramref name="location"/> names a PostgreSQL server (<c>postgresql://</c> or <c>postgres://</c>).</summary>
    public static bool IsPostgres(string? location) =>
        location is not null && (location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase));

    /// <summary>The Npgsql connection string for a PostgreSQL URI. Query parameters other than <c>host</c>, <c>port</c>, <c>user</c>,
    /// <c>password</c> and <c>dbname</c> are passed on as Npgsql keywords (e.g. <c>sslmode=require</c>, <c>pooling=false</c>).</summary>
    /// <exception cref="FormatException">The URI cannot be read; the message says what was expected.</exception>
    public static string ToConnectionString(string uri)
    {
        if (!IsPostgres(uri) || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
        {
            throw new FormatException($"'{Display(uri)}' is not a PostgreSQL URI; expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE.");
        }
        var builder = new NpgsqlConnectionStringBuilder();
        if (parsed.UserInfo.Length > 0)
        {
            var parts = parsed.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }
        if (parsed.Host.Length > 0)
        {
            builder.Host = parsed.Host;
        }
        if (parsed.Port > 0)
        {
            builder.Port = parsed.Port;
        }
        var database = Uri.UnescapeDataString(parsed.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }
        foreach (var pair in parsed.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            var value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
            switch (key.ToLowerInvariant())
            {
                case "host": builder.Host = value; break;
                case "port": builder.Port = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "user": builder.Username = value; break;
                case "password": builder.Password = value; break;
                case "dbname": builder.Database = value; break;
                default:
                    try
                    {
                        builder[key] = value;
                    }
                    catch (ArgumentException e)
                    {
                        throw new FormatException($"'{key}' in the store URI is not a connection setting PostgreSQL (Npgsql) knows ({e.Message}).", e);
                    }
                    break;
            }
        }
        return builder.ConnectionString;
    }

    /// <summary>The location as it may be shown or logged: a URI without its password.</summary>
    public static string Display(string location)
    {
        if (!IsPostgres(location))
        {
            return location;
        }
        var at = location.IndexOf('@', StringComparison.Ordinal);
        var scheme = location.IndexOf("://", StringComparison.Ordinal) + 3;
        if (at < 0)
        {
            return location;
        }
        var colon = location.IndexOf(':', scheme);
        return colon >= 0 && colon < at ? location[..colon] + location[at..] : location;
    }
}
