using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Partnership.Gateway.Tests.Infrastructure;

/// <summary>
/// A stand-in for the identity service's discovery document and JWKS on a real Kestrel port, with its own RSA key.
/// The gateway fetches keys from it exactly as it would from the real identity service, so signature, issuer,
/// audience and lifetime validation are exercised for real.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    private const string KeyId = "test-signing-key";
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RSA _foreignRsa = RSA.Create(2048);
    private WebApplication? _app;

    public string Issuer { get; private set; } = "";

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = $"{Issuer}/.well-known/jwks",
            ["token_endpoint"] = $"{Issuer}/connect/token",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _app.MapGet("/.well-known/jwks", () =>
        {
            var p = _rsa.ExportParameters(false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new Dictionary<string, string>
                    {
                        ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = KeyId,
                        ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                    },
                },
            });
        });
        await _app.StartAsync();
        Issuer = _app.Urls.First().TrimEnd('/');
    }

    public string Token(
        string audience,
        string? clientId = "test-client",
        string? subject = null,
        string? issuer = null,
        DateTime? expires = null,
        bool foreignKey = false)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["scope"] = "health.read" };
        if (clientId is not null)
        {
            claims["client_id"] = clientId;
        }
        if (subject is not null)
        {
            claims["sub"] = subject;
        }
        var exp = expires ?? now.AddMinutes(5);
        // A forged token claims the real key id but is signed with a key the provider never published.
        var key = new RsaSecurityKey(foreignKey ? _foreignRsa : _rsa) { KeyId = KeyId };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = exp.AddMinutes(-10),
            NotBefore = exp.AddMinutes(-10),
            Expires = exp,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>An unsigned token ("alg": "none") with otherwise valid claims.</summary>
    public string UnsignedToken(string audience)
    {
        var now = DateTimeOffset.UtcNow;
        static string Segment(object value) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));
        var header = Segment(new { alg = "none", typ = "JWT" });
        var payload = Segment(new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = audience,
            ["client_id"] = "test-client",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(5).ToUnixTimeSeconds(),
        });
        return $"{header}.{payload}.";
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        _rsa.Dispose();
        _foreignRsa.Dispose();
    }
}
