using System.Net;
using System.Net.Http.Headers;
using Partnership.Security.Tests.Infrastructure;
using Partnership.ServiceDefaults.Auth;
using Partnership.Testing;

namespace Partnership.Security.Tests.HostileInput;

/// <summary>The services that take the most varied input, each once per test class; health on a real Kestrel socket.</summary>
public sealed class HostileInputFixture : IAsyncLifetime
{
    private readonly Dictionary<string, string> _tokens = [];

    public IdentityHost Identity { get; private set; } = null!;
    public HostedService Health { get; private set; } = null!;
    public HostedService CareRegister { get; private set; } = null!;
    public HostedService VirtualSchool { get; private set; } = null!;
    public HostedService Board { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Identity = await IdentityHost.StartAsync();
        Health = await PlatformServices.StartAsync(Identity, PartnershipApis.Health.Service, kestrel: true);
        CareRegister = await PlatformServices.StartAsync(Identity, PartnershipApis.CareRegister.Service);
        VirtualSchool = await PlatformServices.StartAsync(Identity, PartnershipApis.VirtualSchool.Service);
        Board = await PlatformServices.StartAsync(Identity, PartnershipApis.Board.Service);
    }

    public async Task<HttpClient> ClientAsync(HostedService service, string clientId)
    {
        if (!_tokens.TryGetValue(clientId, out var token))
        {
            token = await Identity.TokenAsync(clientId);
            _tokens[clientId] = token;
        }
        var http = service.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public async Task<HttpClient> BoardMemberAsync()
    {
        var http = Board.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            await StaffTokens.AccessTokenAsync(Identity, "board.member", "Board-Member-1!", "openid board.read board.write"));
        return http;
    }

    /// <summary>The service still answers its readiness probe (database and broker checks included).</summary>
    public static async Task AssertStillHealthyAsync(HostedService service)
    {
        using var http = service.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in new[] { Board, VirtualSchool, CareRegister, Health })
        {
            if (service is not null)
            {
                await service.DisposeAsync();
            }
        }
        if (Identity is not null)
        {
            await Identity.DisposeAsync();
        }
    }
}
