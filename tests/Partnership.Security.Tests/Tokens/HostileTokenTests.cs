using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Partnership.Security.Tests.Infrastructure;
using Partnership.ServiceDefaults.Auth;
using Partnership.Testing;

namespace Partnership.Security.Tests.Tokens;

public sealed class HostileTokenFixture : IAsyncLifetime
{
    public IdentityHost Identity { get; private set; } = null!;
    public HostedService Health { get; private set; } = null!;
    public HostedService Missing { get; private set; } = null!;
    public TokenForge Forge { get; private set; } = null!;
    public string HealthToken { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Identity = await IdentityHost.StartAsync();
        Health = await PlatformServices.StartAsync(Identity, PartnershipApis.Health.Service);
        Missing = await PlatformServices.StartAsync(Identity, PartnershipApis.Missing.Service);
        HealthToken = await Identity.TokenAsync("health-system");
        Forge = await TokenForge.FromIdentityDatabaseAsync(Identity);
    }

    public async ValueTask DisposeAsync()
    {
        await Missing.DisposeAsync();
        await Health.DisposeAsync();
        await Identity.DisposeAsync();
    }
}

/// <summary>
/// Tokens that must not open a real service: wrong lifetime, audience or issuer even when validly signed with the
/// identity service's own key, unsigned or wrongly signed tokens, and one agency's token used at another's service.
/// </summary>
public sealed class HostileTokenTests(HostileTokenFixture fixture) : IClassFixture<HostileTokenFixture>
{
    private const string HealthRead = "/api/health/assessments";

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    private JsonObject RealPayload() => TokenForge.PayloadOf(fixture.HealthToken);

    private async Task<HttpStatusCode> CallAsync(HostedService service, string path, string token)
    {
        using var http = service.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.GetAsync(path);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_forged_token_with_the_real_claims_is_accepted_so_the_refusals_below_are_about_the_one_change_each_makes()
    {
        var payload = RealPayload();
        payload["jti"] = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.OK, await CallAsync(fixture.Health, HealthRead, fixture.Forge.Sign(payload)));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(fixture.Health, HealthRead, fixture.HealthToken));
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var payload = RealPayload();
        payload["iat"] = TokenForge.Epoch(Now.AddHours(-2));
        payload["nbf"] = TokenForge.Epoch(Now.AddHours(-2));
        payload["exp"] = TokenForge.Epoch(Now.AddMinutes(-5));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(fixture.Health, HealthRead, fixture.Forge.Sign(payload)));
    }

    [Fact]
    public async Task A_token_not_yet_valid_is_refused()
    {
        var payload = RealPayload();
        payload["iat"] = TokenForge.Epoch(Now.AddMinutes(10));
        payload["nbf"] = TokenForge.Epoch(Now.AddMinutes(10));
        payload["exp"] = TokenForge.Epoch(Now.AddMinutes(70));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(fixture.Health, HealthRead, fixture.Forge.Sign(payload)));
    }

    [Fact]
    public async Task A_token_without_an_expiry_is_refused()
    {
        var payload = RealPayload();
        payload.Remove("exp");
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(fixture.Health, HealthRead, fixture.Forge.Sign(payload)));
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        var payload = RealPayload();
        payload["aud"] = PartnershipApis.Board.Audience;
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(fixture.Health, HealthRead, fixture.Forge.Sign(payload)));
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_refused()
    {
        var payload = RealPayload();
        payload["iss"] = "http://identity.attacker.test/";
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(fixture.Health, HealthRead, fixture.Forge.Sign(payload)));
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_is_refused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(fixture.Health, HealthRead, TokenForge.Unsigned(RealPayload())));
    }

    [Fact]
    public async Task A_token_signed_by_another_key_under_the_real_key_id_is_refused()
    {
        using var other = RSA.Create(2048);
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(fixture.Health, HealthRead, fixture.Forge.Sign(RealPayload(), other)));
    }

    [Fact]
    public async Task A_token_signed_by_an_unknown_key_is_refused()
    {
        using var other = RSA.Create(2048);
        Assert.Equal(HttpStatusCode.Unauthorized,
            await CallAsync(fixture.Health, HealthRead, fixture.Forge.Sign(RealPayload(), other, kid: "attacker-key")));
    }

    [Fact]
    public async Task A_real_token_with_its_claims_edited_and_the_old_signature_kept_is_refused()
    {
        var parts = fixture.HealthToken.Split('.');
        var payload = RealPayload();
        payload["agency"] = "missing-team";
        payload["scope"] = "missing.read missing.write health.read health.write";
        var edited = $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(fixture.Health, HealthRead, edited));
    }

    [Fact]
    public async Task One_agencys_real_token_replayed_at_another_agencys_service_is_refused()
    {
        // The health system's token is genuine and current, but the missing service is not among its audiences.
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(fixture.Missing, "/api/missing/episodes/open", fixture.HealthToken));
        var missingTeam = await fixture.Identity.TokenAsync("missing-team-system");
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(fixture.Health, HealthRead, missingTeam));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(fixture.Missing, "/api/missing/episodes/open", missingTeam));
    }
}
