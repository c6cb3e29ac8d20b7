using System.Text.Json;
using OpenIddict.Abstractions;
using Partnership.ServiceDefaults.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;
using Partnership.ServiceDefaults.Security;

namespace Partnership.Identity.Clients;

/// <summary>
/// Brings the OpenIddict scopes and applications in line with <see cref="PartnershipApis"/>,
/// <see cref="AgencyClientCatalogue"/> and <see cref="DashboardClient"/>: creates what is missing, updates the rest.
/// </summary>
public sealed class ClientAndScopeSeeder(
    IOpenIddictApplicationManager applications,
    IOpenIddictScopeManager scopes,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<ClientAndScopeSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await SeedScopesAsync(cancellationToken);
        foreach (var client in AgencyClientCatalogue.All)
        {
            await UpsertAsync(AgencyClientDescriptor(client), cancellationToken);
        }
        await UpsertAsync(DashboardDescriptor(), cancellationToken);
        IdentityLog.ClientsSeeded(logger, AgencyClientCatalogue.All.Count + 1);
    }

    private async Task SeedScopesAsync(CancellationToken cancellationToken)
    {
        foreach (var api in PartnershipApis.All)
        {
            foreach (var scope in api.Scopes)
            {
                var descriptor = new OpenIddictScopeDescriptor { Name = scope, DisplayName = $"{scope} ({api.Service})" };
                // The scope's resource becomes the access token's audience, which is what each API validates.
                descriptor.Resources.Add(api.Audience);

                var existing = await scopes.FindByNameAsync(scope, cancellationToken);
                if (existing is null)
                {
                    await scopes.CreateAsync(descriptor, cancellationToken);
                }
                else
                {
                    await scopes.UpdateAsync(existing, descriptor, cancellationToken);
                }
            }
        }
    }

    private OpenIddictApplicationDescriptor AgencyClientDescriptor(AgencyClientCatalogue.AgencyClient client)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = SecretFor(client.ClientId, AgencyClientCatalogue.DevelopmentSecret(client.ClientId)),
            ClientType = ClientTypes.Confidential,
            DisplayName = client.DisplayName,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var scope in client.Scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }
        descriptor.Properties[ClientProperties.Agency] = JsonSerializer.SerializeToElement(client.Agency);
        return descriptor;
    }

    private OpenIddictApplicationDescriptor DashboardDescriptor()
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = DashboardClient.ClientId,
            ClientSecret = SecretFor(DashboardClient.ClientId, DashboardClient.DevelopmentSecret),
            ClientType = ClientTypes.Confidential,
            ApplicationType = ApplicationTypes.Web,
            // First-party client: staff are not asked to consent to their own organisation's dashboard.
            ConsentType = ConsentTypes.Implicit,
            DisplayName = DashboardClient.DisplayName,
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                // The only client allowed refresh tokens (and so offline_access), and to revoke them at sign-out.
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Roles,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var scope in DashboardClient.Scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }
        foreach (var uri in UrisFromConfiguration("Identity:Dashboard:RedirectUris", DashboardClient.DefaultRedirectUris))
        {
            descriptor.RedirectUris.Add(uri);
        }
        foreach (var uri in UrisFromConfiguration("Identity:Dashboard:PostLogoutRedirectUris", DashboardClient.DefaultPostLogoutRedirectUris))
        {
            descriptor.PostLogoutRedirectUris.Add(uri);
        }
        return descriptor;
    }

    private async Task UpsertAsync(OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        var existing = await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }

    private string SecretFor(string clientId, string developmentSecret) =>
        DevelopmentSecrets.Resolve(configuration, environment, $"Identity:Clients:{clientId}:Secret", developmentSecret);

    private IEnumerable<Uri> UrisFromConfiguration(string key, string[] defaults)
    {
        var configured = configuration.GetSection(key).Get<string[]>();
        var values = configured is { Length: > 0 } ? configured : defaults;
        return values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => new Uri(v, UriKind.Absolute));
    }
}
