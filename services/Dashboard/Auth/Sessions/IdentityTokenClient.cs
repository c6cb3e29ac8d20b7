using System.Text.Json;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Partnership.Dashboard.Auth.Sessions;

/// <summary>
/// The dashboard's back channel to the identity service's token and revocation endpoints, as the same confidential
/// client, over the same HttpClient and discovery document the sign-in itself uses.
/// </summary>
public sealed partial class IdentityTokenClient(
    IOptionsMonitor<OpenIdConnectOptions> oidcOptions, TimeProvider clock, ILogger<IdentityTokenClient> logger)
{
    public abstract record RefreshOutcome;

    public sealed record Refreshed(string AccessToken, string? RefreshToken, DateTimeOffset ExpiresAt) : RefreshOutcome;

    /// <summary>The identity service will not refresh this session again (revoked, expired, replayed, user disabled).</summary>
    public sealed record Refused(string Error) : RefreshOutcome;

    /// <summary>No answer that says anything about the session: the identity service is down or misconfigured.</summary>
    public sealed record Failed(string Reason) : RefreshOutcome;

    private OpenIdConnectOptions Options => oidcOptions.Get(OpenIdConnectDefaults.AuthenticationScheme);

    public async Task<RefreshOutcome> RefreshAsync(string refreshToken, CancellationToken ct)
    {
        var options = Options;
        try
        {
            var configuration = await options.ConfigurationManager!.GetConfigurationAsync(ct);
            using var response = await PostAsClientAsync(options, configuration.TokenEndpoint,
                new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }, ct);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            var json = body.RootElement;
            if (response.IsSuccessStatusCode && Text(json, "access_token") is { Length: > 0 } accessToken)
            {
                var lifetime = json.TryGetProperty("expires_in", out var expiresIn) && expiresIn.TryGetInt32(out var seconds)
                    ? TimeSpan.FromSeconds(seconds)
                    : TimeSpan.Zero;
                return new Refreshed(accessToken, Text(json, "refresh_token"), clock.GetUtcNow() + lifetime);
            }

            var error = Text(json, "error") ?? $"HTTP {(int)response.StatusCode}";
            LogRefreshRefused(logger, error);
            // RFC 6749 §5.2: invalid_grant is the answer for a refresh token that is invalid, expired or revoked.
            return error == "invalid_grant" ? new Refused(error) : new Failed(error);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidOperationException
            || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            LogIdentityUnreachable(logger, ex);
            return new Failed(ex.GetType().Name);
        }
    }

    /// <summary>RFC 7009 revocation of a refresh token; best effort, a sign-out never waits on the identity service's answer.</summary>
    public async Task RevokeAsync(string refreshToken, CancellationToken ct)
    {
        var options = Options;
        try
        {
            var configuration = await options.ConfigurationManager!.GetConfigurationAsync(ct);
            if (configuration.RevocationEndpoint is not { Length: > 0 } address)
            {
                LogNoRevocationEndpoint(logger);
                return;
            }
            using var response = await PostAsClientAsync(options, address,
                new() { ["token"] = refreshToken, ["token_type_hint"] = "refresh_token" }, ct);
            if (!response.IsSuccessStatusCode)
            {
                LogRevocationRefused(logger, (int)response.StatusCode);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException
            || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            LogIdentityUnreachable(logger, ex);
        }
    }

    /// <summary>A form post to one of the identity service's endpoints, authenticated as the dashboard's own client.</summary>
    private static Task<HttpResponseMessage> PostAsClientAsync(
        OpenIdConnectOptions options, string address, Dictionary<string, string> fields, CancellationToken ct)
    {
        fields["client_id"] = options.ClientId!;
        fields["client_secret"] = options.ClientSecret!;
        return options.Backchannel.PostAsync(address, new FormUrlEncodedContent(fields), ct);
    }

    private static string? Text(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "The identity service refused to refresh a dashboard session: {Error}")]
    private static partial void LogRefreshRefused(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The identity service refused to revoke a refresh token: {StatusCode}")]
    private static partial void LogRevocationRefused(ILogger logger, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The identity service advertises no revocation endpoint; a signed-out session's refresh token stays valid until it expires")]
    private static partial void LogNoRevocationEndpoint(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The identity service could not be reached for a token request")]
    private static partial void LogIdentityUnreachable(ILogger logger, Exception exception);
}
