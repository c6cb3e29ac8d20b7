using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Partnership.Identity.Hosting;
using Partnership.Retention.Tests.Infrastructure;
using Partnership.Testing;

namespace Partnership.Retention.Tests;

/// <summary>The identity service prunes its token store after 14 days through OpenIddict's own pruning.</summary>
public sealed class IdentityRetentionTests(IdentityRetentionTests.Host host) : IClassFixture<IdentityRetentionTests.Host>
{
    public sealed class Host : IAsyncLifetime
    {
        public IdentityHost Identity { get; private set; } = null!;

        public async ValueTask InitializeAsync() => Identity = await IdentityHost.StartAsync();

        public async ValueTask DisposeAsync() => await Identity.DisposeAsync();
    }

    [Fact]
    public async Task Tokens_issued_and_expired_more_than_14_days_ago_are_pruned_and_recent_ones_stay()
    {
        for (var i = 0; i < 5; i++)
        {
            await host.Identity.TokenAsync("health-system");
        }
        var sql = new Sql(ConnectionString());
        var issued = await sql.StringsAsync("""SELECT "Id" FROM "OpenIddictTokens" """);
        Assert.Equal(5, issued.Count);
        // Three of them as if issued (and expired) three weeks ago.
        var aged = issued.Take(3).ToArray();
        await sql.ExecuteAsync("""
            UPDATE "OpenIddictTokens" SET "CreationDate" = "CreationDate" - interval '21 days', "ExpirationDate" = "ExpirationDate" - interval '21 days'
            WHERE "Id" = ANY(@ids)
            """, ("ids", aged));

        var now = DateTimeOffset.UtcNow;
        var dryRun = await RetentionRun.RunAsync(host.Identity.Services, dryRun: true, now: now);
        Assert.Equal(3, dryRun.Rows("openiddict-tokens-and-authorizations", OpenIddictRetention.TokensTable));
        Assert.Equal(5, await sql.CountAsync("""SELECT count(*) FROM "OpenIddictTokens" """));

        var run = await RetentionRun.RunAsync(host.Identity.Services, now: now);
        Assert.Equal(3, run.Rows("openiddict-tokens-and-authorizations", OpenIddictRetention.TokensTable));
        Assert.Equal(issued.Skip(3).Order(StringComparer.Ordinal), await sql.StringsAsync("""SELECT "Id" FROM "OpenIddictTokens" """));
    }

    private string ConnectionString() =>
        host.Identity.Services.GetRequiredService<IConfiguration>().GetConnectionString("identitydb")
            ?? throw new InvalidOperationException("The identity host has no identitydb connection string.");
}
