using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Partnership.Dashboard.Auth.Sessions;
using Partnership.ServiceDefaults.Auth;
using Partnership.ServiceDefaults.Security;

namespace Partnership.Dashboard.Auth;

/// <summary>
/// Staff sign in through the identity service (authorization code + PKCE, confidential client). The cookie names a
/// server-side session that holds the tokens (<see cref="SessionTokens"/>, ADR 0014), and pages demand the board.read
/// scope the identity service grants by role.
/// </summary>
public static class DashboardAuthentication
{
    public const string ClientId = "board-dashboard";
    public const string CookieName = "partnership.dashboard";

    /// <summary>DEVELOPMENT-ONLY secret, matching the identity service's seeded client; override with Dashboard:ClientSecret.</summary>
    private const string DevelopmentClientSecret = "board-dashboard-dev-secret";

    private static readonly string[] RequestedScopes =
    [
        OpenIdConnectScope.OpenId, "profile", "roles", OpenIdConnectScope.OfflineAccess, BoardScopes.Read, BoardScopes.Write,
    ];

    public static IHostApplicationBuilder AddDashboardAuthentication(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var identityUrl = AuthenticationExtensions.IdentityUrl(configuration).TrimEnd('/');
        // The issuer is the address the browser is sent to; the metadata may be fetched over the internal address.
        var issuer = (configuration["Identity:Issuer"] ?? identityUrl).TrimEnd('/');
        var requireHttps = configuration.GetValue("Identity:RequireHttpsMetadata", !builder.Environment.IsDevelopment());
        var secret = ClientSecret(configuration, builder.Environment);

        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                options.AccessDeniedPath = DashboardPaths.Forbidden;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events.OnRedirectToAccessDenied = SessionEvents.AccessDeniedAsync;
                options.Events.OnValidatePrincipal = SessionEvents.ValidateSessionAsync;
            })
            .AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, options =>
            {
                options.Authority = issuer;
                options.MetadataAddress = $"{identityUrl}/.well-known/openid-configuration";
                options.RequireHttpsMetadata = requireHttps;
                options.ClientId = ClientId;
                options.ClientSecret = secret;
                options.ResponseType = OpenIdConnectResponseType.Code;
                // form_post: the identity service answers the authorization request with a page of its own that posts the
                // code here. A query redirect would be the last hop of its login form's redirect chain, which the login
                // page's CSP (form-action 'self') forbids for any dashboard on another origin.
                options.ResponseMode = OpenIdConnectResponseMode.FormPost;
                options.UsePkce = true;
                // Not into the cookie: SessionStart keeps the access and refresh tokens on the server.
                options.SaveTokens = false;
                options.MapInboundClaims = false;
                options.GetClaimsFromUserInfoEndpoint = false;
                options.Scope.Clear();
                foreach (var scope in RequestedScopes)
                {
                    options.Scope.Add(scope);
                }
                options.TokenValidationParameters.NameClaimType = "name";
                options.TokenValidationParameters.RoleClaimType = PartnershipClaims.Role;
                if (!requireHttps)
                {
                    // Plain http (development): browsers drop SameSite=None cookies that are not Secure. Lax still reaches
                    // the callback because the identity service is on the same site (another port of the same host).
                    options.CorrelationCookie.SameSite = options.NonceCookie.SameSite = SameSiteMode.Lax;
                    options.CorrelationCookie.SecurePolicy = options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                }
                options.Events.OnTokenValidated = async context =>
                {
                    await GrantedScopes.AddToSessionAsync(context);
                    await SessionStart.StoreTokensAsync(context);
                };
                options.Events.OnRedirectToIdentityProvider = SessionEvents.ChallengeAsync;
            });

        builder.Services.AddAuthorizationBuilder()
            .AddScopePolicies(BoardScopes.Read, BoardScopes.Write)
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddCascadingAuthenticationState();

        builder.Services.TryAddSingleton(TimeProvider.System);
        // In memory unless the host registers a shared IDistributedCache (several dashboard instances need one).
        builder.Services.AddDistributedMemoryCache();
        builder.Services.AddSingleton(SessionSettings.From(configuration));
        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddSingleton<IdentityTokenClient>();
        builder.Services.AddSingleton<SessionTokens>();
        builder.Services.AddScoped<CurrentSession>();
        return builder;
    }

    private static string ClientSecret(IConfiguration configuration, IHostEnvironment environment) =>
        DevelopmentSecrets.Resolve(configuration, environment, "Dashboard:ClientSecret", DevelopmentClientSecret);
}
