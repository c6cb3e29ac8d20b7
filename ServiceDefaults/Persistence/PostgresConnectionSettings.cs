using Npgsql;

namespace Partnership.ServiceDefaults.Persistence;

public static class PostgresConnectionSettings
{
    /// <summary>
    /// Turns on Npgsql's automatic preparation unless the connection string sets it: a service runs the same few
    /// statements (its inserts, the inbox and outbox) for every request and event, and a statement prepared once per
    /// physical connection skips PostgreSQL's parse and plan on every later use. Prepared statements survive the pool's
    /// reset, and PostgreSQL re-plans one whose tables changed.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare > 0)
        {
            return connectionString;
        }
        builder.MaxAutoPrepare = 64;
        builder.AutoPrepareMinUsages = 2;
        return builder.ConnectionString;
    }
}
