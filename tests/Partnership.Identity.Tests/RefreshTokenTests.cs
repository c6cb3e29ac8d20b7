using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using Partnership.Identity.Clients;
using Partnership.Identity.Tests.Infrastructure;
using Partnership.Testing;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static Partnership.Identity.Tests.Infrastructure.RefreshTokens;
using static Partnership.Identity.Tests.Infrastructure.TokenClient;

namespace Partnership.Identity.Tests;

/// <summary>
/// The board dashboard's refresh tokens against the real server and token store: they roll, they end eight hours after
/// sign-in however often they roll, a replayed one revokes its whole chain, they can be revoked, and no other client
/// can use them or obtain any. Time moves on the fixture's clock; nothing here waits for it.
/// </summary>
public sealed class RefreshTokenTests(ClockedIdentityServerFixture server) : IClassFixture<ClockedIdentityServerFixture>
{
    private static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    [Fact]
    public async Task A_refresh_rolls_the_refresh_token_and_gives_a_new_access_token_for_the_board()
    {
        using var http = server.Factory.CreateBrowserlessClient();
        var first = await SignInAsync(http, "board.member", "Board-Member-1!");

        var second = await GrantFromAsync(await RefreshAsync(http, first.RefreshToken));

        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.NotEqual(new JsonWebToken(first.AccessToken).Id, new JsonWebToken(second.AccessToken).Id);
        var result = await ValidateAsync(http, second.AccessToken, "partnership-board");
        Assert.True(result.IsValid, result.Exception?.ToString());
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Contains("board.read", Scopes(jwt));
        Assert.Equal(first.Subject, jwt.Subject);

        // The used token is redeemed, its successor valid, and both end when the first one did (no sliding).
        var chain = await IdentityTokenStore.LatestRefreshChainAsync(server.Factory.Services, first.Subject);
        Assert.Equal([Statuses.Redeemed, Statuses.Valid], chain.Select(t => t.Status));
        Assert.NotNull(chain[0].Expires);
        Assert.Equal(chain[0].Expires, chain[1].Expires);
    }

    [Fact]
    public async Task A_rolled_refresh_token_is_reusable_within_the_leeway_and_its_replay_after_it_revokes_the_chain()
    {
        using var http = server.Factory.CreateBrowserlessClient();
        var first = await SignInAsync(http, "dpo", "Dpo-Dev-1!");
        var second = await GrantFromAsync(await RefreshAsync(http, first.RefreshToken));

        // Two requests of one session racing with the same token both succeed while the leeway lasts.
        var concurrent = await GrantFromAsync(await RefreshAsync(http, first.RefreshToken));

        server.Clock.Advance(ClockedIdentityServerFixture.ReuseLeeway + TimeSpan.FromMinutes(1));
        var replay = await RefreshAsync(http, first.RefreshToken);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal("invalid_grant", await ErrorAsync(replay));

        // A replay means the token may have been stolen: every token of that sign-in is revoked, the legitimate ones too.
        foreach (var successor in new[] { second.RefreshToken, concurrent.RefreshToken })
        {
            var refused = await RefreshAsync(http, successor);
            Assert.Equal("invalid_grant", await ErrorAsync(refused));
        }
        var chain = await IdentityTokenStore.LatestRefreshChainAsync(server.Factory.Services, first.Subject);
        Assert.Equal(3, chain.Count);
        Assert.All(chain, t => Assert.NotEqual(Statuses.Valid, t.Status));
    }

    [Fact]
    public async Task Refresh_tokens_end_eight_hours_after_sign_in_however_often_they_roll()
    {
        using var http = server.Factory.CreateBrowserlessClient();
        var grant = await SignInAsync(http, "admin", "Admin-Dev-1!");

        server.Clock.Advance(TimeSpan.FromHours(4));
        grant = await GrantFromAsync(await RefreshAsync(http, grant.RefreshToken));
        server.Clock.Advance(SessionLifetime - TimeSpan.FromHours(4) - TimeSpan.FromMinutes(10));
        grant = await GrantFromAsync(await RefreshAsync(http, grant.RefreshToken));

        server.Clock.Advance(TimeSpan.FromMinutes(20));
        var expired = await RefreshAsync(http, grant.RefreshToken);

        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Equal("invalid_grant", await ErrorAsync(expired));
    }

    [Fact]
    public async Task A_refresh_token_the_dashboard_revoked_is_refused()
    {
        using var http = server.Factory.CreateBrowserlessClient();
        var grant = await SignInAsync(http, "board.member", "Board-Member-1!");

        var revoked = await RevokeAsync(http, grant.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        var refused = await RefreshAsync(http, grant.RefreshToken);
        Assert.Equal("invalid_grant", await ErrorAsync(refused));
        Assert.Equal([Statuses.Revoked], (await IdentityTokenStore.LatestRefreshChainAsync(server.Factory.Services, grant.Subject)).Select(t => t.Status));
    }

    public static TheoryData<string> AgencyClients => [.. AgencyClientCatalogue.All.Select(c => c.ClientId)];

    [Theory]
    [MemberData(nameof(AgencyClients))]
    public async Task An_agency_client_cannot_redeem_a_refresh_token_nor_revoke_one(string clientId)
    {
        using var http = server.Factory.CreateBrowserlessClient();
        var grant = await SignInAsync(http, "board.member", "Board-Member-1!");
        var secret = AgencyClientCatalogue.DevelopmentSecret(clientId);

        var redeem = await RefreshAsync(http, grant.RefreshToken, clientId, secret);
        Assert.Equal(HttpStatusCode.BadRequest, redeem.StatusCode);
        Assert.Equal("unauthorized_client", await ErrorAsync(redeem));
        var revoke = await RevokeAsync(http, grant.RefreshToken, clientId, secret);
        Assert.False(revoke.IsSuccessStatusCode);
        Assert.Equal("unauthorized_client", await ErrorAsync(revoke));

        // Neither attempt touched the dashboard's token.
        await GrantFromAsync(await RefreshAsync(http, grant.RefreshToken));
    }

    [Theory]
    [MemberData(nameof(AgencyClients))]
    public async Task An_agency_client_asking_for_offline_access_is_refused_and_gets_no_token(string clientId)
    {
        using var http = server.Factory.CreateBrowserlessClient();

        var response = await ClientCredentialsAsync(http, clientId, AgencyClientCatalogue.DevelopmentSecret(clientId), OpenIddictConstants.Scopes.OfflineAccess);

        // OpenIddict's own rule (offline_access needs the refresh_token grant) answers before the scope check does.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"error\": \"invalid_request\"", body);
        Assert.Contains("offline_access", body);
        Assert.DoesNotContain("_token\"", body);
    }

    [Fact]
    public async Task Only_the_dashboard_is_registered_for_refresh_tokens_and_revocation()
    {
        await using var scope = server.Factory.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();

        var holders = new List<string>();
        await foreach (var application in applications.ListAsync())
        {
            if (await applications.HasPermissionAsync(application, Permissions.GrantTypes.RefreshToken)
                || await applications.HasPermissionAsync(application, Permissions.Endpoints.Revocation))
            {
                holders.Add((await applications.GetClientIdAsync(application))!);
            }
        }

        Assert.Equal([DashboardClient.ClientId], holders);
    }
}
