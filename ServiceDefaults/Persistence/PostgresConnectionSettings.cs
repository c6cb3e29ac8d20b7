using Npgsql;

namespace Partnership.ServiceDefaults.Persistence;

public static class PostgresConnectionSettings
{
    public const int MaxPoolSize = 25;

    /// <summary>
    /// Tunes a service's connection string for many short transactions, leaving alone what the string sets itself.
    /// <list type="bullet">
    /// <item>Automatic preparation: a service runs the same few statements (its inserts, the inbox and outbox) for every
    /// request and event, and a statement prepared once per physical connection skips PostgreSQL's parse and plan on every
    /// later use. PostgreSQL re-plans one whose tables changed.</item>
    /// <item>No session reset when a connection goes back to the pool: with prepared statements kept, Npgsql's reset is
    /// seven statements (RESET ALL, UNLISTEN *, DISCARD TEMP, advisory unlock and more) parsed and run for every
    /// request and event. The platform keeps no session state to reset: settings are SET LOCAL, temporary tables ON
    /// COMMIT DROP, advisory locks transaction-scoped, and the board's LISTEN has an unpooled connection of its own.</item>
    /// <item>At most <see cref="MaxPoolSize"/> connections per process (Npgsql's default is 100). Ten processes share one
    /// server of max_connections 300: a burst at a cold service (issue 7's mixed load, 512 requests in flight) made the
    /// missing service open connections until the server refused them ("53300: too many clients") and 40 % of its
    /// requests failed with 500. Past the cap a request waits for a pooled connection instead; two cores run no more
    /// than a handful of statements at once anyway.</item>
    /// </list>
    /// </summary>
    public static string ForService(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }
        if (!connectionString.Contains("Pool Size", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = MaxPoolSize;
        }
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }
}
