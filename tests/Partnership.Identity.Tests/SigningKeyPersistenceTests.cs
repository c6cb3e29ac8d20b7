using Partnership.Testing;
using Partnership.Identity.Tests.Infrastructure;
using static Partnership.Identity.Tests.Infrastructure.TokenClient;

namespace Partnership.Identity.Tests;

public sealed class SigningKeyPersistenceTests
{
    [Fact]
    public async Task Two_instances_on_the_same_database_publish_the_same_signing_key_and_accept_each_others_tokens()
    {
        await using var database = await TestDatabase.CreateAsync("identity_tests");

        string firstKid;
        string token;
        await using (var first = new IdentityServerFactory(database.ConnectionString))
        {
            using var http = first.CreateBrowserlessClient();
            firstKid = Assert.Single((await JwksAsync(http)).Keys).Kid;
            token = await AccessTokenAsync(await ClientCredentialsAsync(http, "health-system", "health-system-dev-secret", "health.read"));
        }

        // A fresh host on the same database stands in for a restart or a second replica.
        await using var second = new IdentityServerFactory(database.ConnectionString);
        using var secondHttp = second.CreateBrowserlessClient();
        var secondKid = Assert.Single((await JwksAsync(secondHttp)).Keys).Kid;

        Assert.False(string.IsNullOrEmpty(firstKid));
        Assert.Equal(firstKid, secondKid);
        var result = await ValidateAsync(secondHttp, token, "partnership-health");
        Assert.True(result.IsValid, result.Exception?.ToString());
    }
}
