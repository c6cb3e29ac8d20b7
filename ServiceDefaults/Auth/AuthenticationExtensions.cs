using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Partnership.ServiceDefaults.Auth;

public static class AuthenticationExtensions
{
    /// <summary>
    /// Validates the identity service's JWT access tokens: signature (keys from its JWKS), issuer, audience and lifetime.
    /// Every endpoint requires an authenticated caller unless it opts out explicitly.
    /// </summary>
    public static IHostApplicationBuilder AddPartnershipAuthentication(this IHostApplicationBuilder builder, params string[] audiences)
    {
        var identityUrl = IdentityUrl(builder.Configuration);
        var issuer = (builder.Configuration["Identity:Issuer"] ?? identityUrl).TrimEnd('/');

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                // Local development runs over http; production must serve the identity service over TLS (docs/security.md).
                options.RequireHttpsMetadata = builder.Configuration.GetValue("Identity:RequireHttpsMetadata", false);
                options.MetadataAddress = $"{identityUrl.TrimEnd('/')}/.well-known/openid-configuration";
                options.RefreshOnIssuerKeyNotFound = true;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuers = [issuer, issuer + "/"],
                    ValidAudiences = audiences,
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ValidateIssuerSigningKey = true,
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = PartnershipClaims.Subject,
                    RoleClaimType = PartnershipClaims.Role,
                };
            });

        builder.Services.AddAuthorization(options =>
        {
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        return builder;
    }

    /// <summary>The identity service's base address: explicit configuration first, then Aspire service discovery.</summary>
    public static string IdentityUrl(IConfiguration configuration) =>
        configuration["Identity:Url"]
        ?? configuration["services:identity:http:0"]
        ?? throw new InvalidOperationException("Identity:Url (or the Aspire reference services:identity:http:0) is not configured.");

    /// <summary>Registers one policy per scope, named after the scope, that demands the scope in the token.</summary>
    public static AuthorizationBuilder AddScopePolicies(this AuthorizationBuilder authorization, params string[] scopes)
    {
        foreach (var scope in scopes)
        {
            authorization.AddPolicy(scope, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(ctx => ctx.User.HasScope(scope)));
        }
        return authorization;
    }
}
