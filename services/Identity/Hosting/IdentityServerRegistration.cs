using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using Partnership.Identity.Clients;
using Partnership.Identity.Data;
using Partnership.Identity.Keys;
using Partnership.Identity.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Partnership.Identity.Hosting;

public static class IdentityServerRegistration
{
    public const string TokenPath = "/connect/token";
    public const string AuthorizationPath = "/connect/authorize";
    public const string EndSessionPath = "/connect/logout";
    public const string UserInfoPath = "/connect/userinfo";
    public const string RevocationPath = "/connect/revoke";
    public const string LoginPath = "/account/login";

    /// <summary>The OpenIddict server, its EF Core stores, the staff sign-in cookie and the startup seeders.</summary>
    public static IHostApplicationBuilder AddIdentityServer(this IHostApplicationBuilder builder)
    {
        var settings = IdentityServerSettings.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(settings);

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(server =>
            {
                // Explicit, because the service sits behind Aspire's proxy and other services must see one stable issuer.
                server.SetIssuer(settings.Issuer);
                server.SetTokenEndpointUris(TokenPath.TrimStart('/'))
                    .SetAuthorizationEndpointUris(AuthorizationPath.TrimStart('/'))
                    .SetEndSessionEndpointUris(EndSessionPath.TrimStart('/'))
                    .SetUserInfoEndpointUris(UserInfoPath.TrimStart('/'))
                    // Handled by OpenIddict alone: the dashboard gives its refresh token back when a user signs out.
                    .SetRevocationEndpointUris(RevocationPath.TrimStart('/'));

                server.AllowClientCredentialsFlow()
                    .AllowAuthorizationCodeFlow()
                    .AllowRefreshTokenFlow()
                    .RequireProofKeyForCodeExchange();

                // API scopes live in the scope store (seeded from PartnershipApis); these are the OpenID Connect ones.
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess);

                // Resource servers validate plain signed JWTs against the JWKS; they hold no decryption key.
                server.DisableAccessTokenEncryption();
                server.SetAccessTokenLifetime(settings.AccessTokenLifetime);

                // Refresh tokens (only the dashboard holds the grant, see ClientAndScopeSeeder) roll: each use redeems
                // the token and issues a new one, and a redeemed token shown again after the leeway revokes every token
                // of its authorization. Without sliding expiration each new token keeps its predecessor's expiry, so a
                // session is bounded by RefreshTokenLifetime from sign-in, not from the last refresh.
                server.SetRefreshTokenLifetime(settings.RefreshTokenLifetime);
                server.DisableSlidingRefreshTokenExpiration();
                server.SetRefreshTokenReuseLeeway(settings.RefreshTokenReuseLeeway);
                server.AddEventHandler(RejectUnpermittedScopes.Descriptor);

                var aspNetCore = server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough();
                if (settings.AllowHttp)
                {
                    // Development only: production sets Identity:AllowHttp=false and serves the issuer over TLS.
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });

        // Signing and encryption keys come from the database (see ServerKeyRing), not from the builder above.
        builder.Services.AddSingleton<ServerKeyRing>();
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ServerKeyOptionsSetup>();

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, options =>
            {
                options.Cookie.Name = "partnership.identity";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.LoginPath = LoginPath;
                options.ReturnUrlParameter = "returnUrl";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
            });
        builder.Services.AddAuthorization();
        builder.Services.AddAntiforgery(options => options.Cookie.Name = "partnership.identity.antiforgery");

        builder.Services.AddSingleton<IPasswordHasher<StaffUser>, PasswordHasher<StaffUser>>();
        builder.Services.AddScoped<StaffUserSeeder>();
        builder.Services.AddScoped<ClientAndScopeSeeder>();
        builder.Services.AddIdentityRateLimiting(builder.Configuration);
        return builder;
    }
}
