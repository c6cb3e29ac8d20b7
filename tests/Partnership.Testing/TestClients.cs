using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Partnership.Identity.Clients;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Partnership.Testing;

/// <summary>
/// Registers an extra client-credentials client in the in-process identity service, for scopes no catalogue client
/// holds yet (for example an oversight scope). Its tokens are issued by the real token endpoint like any other.
/// </summary>
public static class TestClients
{
    public static async Task RegisterClientAsync(this IdentityHost identity, string clientId, string agency, params string[] scopes)
    {
        await using var scope = identity.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        if (await applications.FindByClientIdAsync(clientId) is not null)
        {
            return;
        }
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = AgencyClientCatalogue.DevelopmentSecret(clientId),
            ClientType = ClientTypes.Confidential,
            DisplayName = $"{clientId} (test)",
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var name in scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + name);
        }
        descriptor.Properties[ClientProperties.Agency] = JsonSerializer.SerializeToElement(agency);
        await applications.CreateAsync(descriptor);
    }
}
