using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Partnership.Board.Data;
using Partnership.Retention.Tests.Infrastructure;
using Partnership.ServiceDefaults.Retention;
using Partnership.Testing;

namespace Partnership.Retention.Tests;

/// <summary>The job as a service runs it: on its own, on its interval, logging and counting each table's deletions.</summary>
[Collection(CounterCollection.Name)]
public sealed class BackgroundJobTests(BackgroundJobTests.Host host) : IClassFixture<BackgroundJobTests.Host>
{
    /// <summary>The board with the job switched on, no initial delay and a short interval.</summary>
    public sealed class Host : IAsyncLifetime
    {
        private ServiceUnderTest<BoardDbContext>? _service;

        public IdentityHost Identity { get; private set; } = null!;
        public WebApplicationFactory<BoardDbContext> Board { get; private set; } = null!;
        public StructuredLogs Logs { get; } = new();
        public string ConnectionString => _service!.ConnectionString;

        public async ValueTask InitializeAsync()
        {
            Identity = await IdentityHost.StartAsync();
            _service = new ServiceUnderTest<BoardDbContext>(Identity, "boarddb", await TestInfrastructure.CreateDatabaseAsync("boarddb"),
                new Dictionary<string, string>
                {
                    ["Retention:Enabled"] = "true",
                    ["Retention:InitialDelay"] = "00:00:00",
                    ["Retention:Interval"] = "00:00:00.200",
                },
                await RabbitMqVirtualHosts.CreateAsync("boarddb"), ownsMessaging: true);
            Board = _service.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(Logs)));
            _ = Board.Server;
        }

        public async ValueTask DisposeAsync()
        {
            if (_service is not null)
            {
                await _service.DisposeAsync();
            }
            if (Identity is not null)
            {
                await Identity.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Old_inbox_rows_disappear_without_being_asked_and_each_deletion_is_logged_and_counted()
    {
        using var deleted = new MeasuredRows("partnership.retention.deleted");
        var sql = new Sql(host.ConnectionString);
        var now = DateTimeOffset.UtcNow;
        var old = await sql.InboxAsync(3, now.AddDays(-45));
        var young = await sql.InboxAsync(1, now.AddDays(-1));

        await Eventually.WaitForAsync(sql.InboxIdsAsync, ids => !ids.Intersect(old).Any());

        Assert.Equal(MessagingRows.Sorted(young), await sql.InboxIdsAsync());
        // The job logs a batch after its transaction commits, so the line may trail the rows' disappearance a little.
        var lines = await Eventually.WaitForAsync(
            () => Task.FromResult(host.Logs.Entries
                .Where(e => e.Category == typeof(RetentionJob).FullName && e.Values.GetValueOrDefault("Policy") == "inbox")
                .ToList()),
            found => found.Sum(line => long.Parse(line.Values["Count"]!, System.Globalization.CultureInfo.InvariantCulture)) >= 3);
        Assert.All(lines, line =>
        {
            Assert.Equal(LogLevel.Information, line.Level);
            Assert.Equal("inbox_messages", line.Values["Table"]);
        });
        Assert.Equal(3, lines.Sum(line => long.Parse(line.Values["Count"]!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(3, deleted.For("inbox_messages"));
    }
}
