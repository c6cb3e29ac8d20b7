using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Partnership.Board.Data;

namespace Partnership.Board.Snapshots;

/// <summary>
/// Listens on its own connection for the notification the fact tables' triggers send when a change commits, and wakes
/// the refresher. After any gap in listening (start-up, a lost connection) it wakes the refresher anyway, which then
/// finds whatever was noted meanwhile in the change log.
/// </summary>
public sealed partial class FactChangeListener(
    IServiceScopeFactory scopes, ResultCache cache, IOptions<ResultsOptions> options, ILogger<FactChangeListener> logger) : BackgroundService
{
    public const string Channel = "board_fact_changes";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var scope = scopes.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<BoardDbContext>().Database.GetConnectionString()
                ?? throw new InvalidOperationException("The board database has no connection string.");
        }
        // A listening connection must not go back to a pool (which would UNLISTEN it) and must notice a dead server.
        var listening = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString;

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listening);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => cache.Wake();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                cache.Wake();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.IO.IOException)
            {
                LogListenFailed(ex);
                cache.Wake();
                await Task.Delay(options.Value.PollInterval / 5, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for fact changes failed; reconnecting (the refresher polls meanwhile)")]
    private partial void LogListenFailed(Exception ex);
}
