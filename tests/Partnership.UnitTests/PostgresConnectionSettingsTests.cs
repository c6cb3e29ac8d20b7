using Npgsql;
using Partnership.ServiceDefaults.Persistence;

namespace Partnership.UnitTests;

public sealed class PostgresConnectionSettingsTests
{
    [Fact]
    public void A_service_pool_is_capped_so_ten_processes_stay_under_the_servers_connection_limit()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnectionSettings.ForService("Host=localhost;Database=healthdb"));
        Assert.Equal(PostgresConnectionSettings.MaxPoolSize, tuned.MaxPoolSize);
        // The AppHost's PostgreSQL allows 300 connections; ten processes at the cap leave room for tools and migrations.
        Assert.True(10 * tuned.MaxPoolSize < 300);
        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
    }

    [Fact]
    public void What_the_connection_string_sets_itself_is_kept()
    {
        var tuned = new NpgsqlConnectionStringBuilder(
            PostgresConnectionSettings.ForService("Host=localhost;Database=healthdb;Maximum Pool Size=7;Max Auto Prepare=3;No Reset On Close=false"));
        Assert.Equal(7, tuned.MaxPoolSize);
        Assert.Equal(3, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
    }
}
