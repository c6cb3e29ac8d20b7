using Partnership.Board.Data;
using Partnership.Retention.Tests.Infrastructure;
using Partnership.Testing;
using static Partnership.Retention.Tests.Infrastructure.MessagingRows;

namespace Partnership.Retention.Tests;

/// <summary>
/// The outbox and inbox policies every service shares, on the board's database (the board has an outbox table but no
/// dispatcher, so a planted unsent row stays unsent).
/// </summary>
[Collection(CounterCollection.Name)]
public sealed class OutboxInboxRetentionTests(OutboxInboxRetentionTests.Host host) : IClassFixture<OutboxInboxRetentionTests.Host>
{
    public sealed class Host() : ServiceFixture<BoardDbContext>("boarddb");

    private readonly Sql _sql = new(host.Service.ConnectionString);

    [Fact]
    public async Task Sent_outbox_rows_after_7_days_and_inbox_rows_after_30_days_go_unsent_and_younger_rows_stay()
    {
        await _sql.ExecuteAsync("TRUNCATE outbox_messages, inbox_messages");
        var now = RetentionRun.Now;
        var oldSent = await _sql.OutboxAsync(3, now.AddDays(-9), sentAt: now.AddDays(-8));
        var youngSent = await _sql.OutboxAsync(1, now.AddDays(-6), sentAt: now.AddDays(-6));
        var unsentForAYear = await _sql.OutboxAsync(1, now.AddDays(-400), sentAt: null);
        var oldInbox = await _sql.InboxAsync(3, now.AddDays(-31));
        var youngInbox = await _sql.InboxAsync(1, now.AddDays(-29));

        var dryRun = await RetentionRun.RunAsync(host.Service.Services, dryRun: true);
        Assert.Equal(3, dryRun.Rows("outbox-sent", "outbox_messages"));
        Assert.Equal(3, dryRun.Rows("inbox", "inbox_messages"));
        Assert.Equal(Sorted(oldSent, youngSent, unsentForAYear), await _sql.OutboxIdsAsync());
        Assert.Equal(Sorted(oldInbox, youngInbox), await _sql.InboxIdsAsync());

        var run = await RetentionRun.RunAsync(host.Service.Services);
        Assert.Equal(3, run.Rows("outbox-sent", "outbox_messages"));
        Assert.Equal(3, run.Rows("inbox", "inbox_messages"));
        Assert.Equal(Sorted(youngSent, unsentForAYear), await _sql.OutboxIdsAsync());
        Assert.Equal(Sorted(youngInbox), await _sql.InboxIdsAsync());
    }

    [Fact]
    public async Task Configuration_can_change_a_period_or_switch_a_policy_off()
    {
        await _sql.ExecuteAsync("TRUNCATE outbox_messages, inbox_messages");
        var now = RetentionRun.Now;
        var sentLongAgo = await _sql.OutboxAsync(2, now.AddDays(-60), sentAt: now.AddDays(-60));
        await _sql.InboxAsync(2, now.AddDays(-2));

        var run = await RetentionRun.RunAsync(host.Service.Services, configure: options =>
        {
            options.Policies["inbox"] = new() { Period = "1 day" };
            options.Policies["outbox-sent"] = new() { Enabled = false };
        });

        Assert.DoesNotContain(run, o => o.Rule == "outbox-sent");
        Assert.Equal("1 day", run.Single(o => o.Rule == "inbox").Period.ToString());
        Assert.Equal(2, run.Rows("inbox", "inbox_messages"));
        Assert.Empty(await _sql.InboxIdsAsync());
        Assert.Equal(Sorted(sentLongAgo), await _sql.OutboxIdsAsync());
    }
}
