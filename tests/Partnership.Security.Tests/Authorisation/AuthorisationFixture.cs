using Partnership.Contracts;
using Partnership.Identity.Clients;
using Partnership.Identity.Users;
using Partnership.Security.Tests.Infrastructure;
using Partnership.Testing;

namespace Partnership.Security.Tests.Authorisation;

/// <summary>
/// One identity service, every caller's token (fetched once), and each service hosted once on first use, for the
/// whole authorisation matrix.
/// </summary>
public sealed class AuthorisationFixture : IAsyncLifetime
{
    /// <summary>
    /// Clients holding a scope of an API whose records belong to other agencies: no catalogue client does today, so
    /// these prove the agency half of the agency-scoped policies rather than only the scope half.
    /// </summary>
    public static readonly IReadOnlyList<(string ClientId, string Agency, string[] Scopes)> WrongAgencyClients =
    [
        ("sec-police-with-health-scopes", Agencies.Police, ["health.read", "health.write"]),
        ("sec-social-care-with-youth-justice-scopes", Agencies.SocialCare, ["youth-justice.read", "youth-justice.write"]),
    ];

    /// <summary>
    /// Development maps the most endpoints (the API description too), so the matrix covers the largest route table.
    /// Demo data stays off (Demo:Seed is false by default).
    /// </summary>
    private static readonly Dictionary<string, string> DevelopmentRouteTable = new() { ["environment"] = "Development" };

    private const string StaffScopes = "openid board.read board.write sharing.admin";

    private readonly Dictionary<string, HostedService> _services = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _starting = new(1, 1);

    public IdentityHost Identity { get; private set; } = null!;
    public IReadOnlyList<Caller> Callers { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        Identity = await IdentityHost.StartAsync();
        Callers = await CallersAsync(Identity);
    }

    /// <summary>
    /// Registers the wrong-agency clients with <paramref name="identity"/> and fetches a real token for every caller:
    /// each catalogue agency client, the wrong-agency clients and each development staff user (plus anonymous).
    /// </summary>
    public static async Task<IReadOnlyList<Caller>> CallersAsync(IdentityHost identity)
    {
        foreach (var (clientId, agency, scopes) in WrongAgencyClients)
        {
            await identity.RegisterClientAsync(clientId, agency, scopes);
        }

        var callers = new List<Caller> { Caller.Anonymous };
        foreach (var client in AgencyClientCatalogue.All.Select(c => c.ClientId).Concat(WrongAgencyClients.Select(c => c.ClientId)))
        {
            callers.Add(Caller.FromToken(client, await identity.TokenAsync(client)));
        }
        foreach (var user in DevelopmentStaffUsers.All)
        {
            callers.Add(Caller.FromToken($"staff:{user.UserName}", await StaffTokens.AccessTokenAsync(identity, user.UserName, user.Password, StaffScopes)));
        }
        return callers;
    }

    public async Task<HostedService> ServiceAsync(string name)
    {
        await _starting.WaitAsync();
        try
        {
            if (!_services.TryGetValue(name, out var service))
            {
                service = await PlatformServices.StartAsync(Identity, name, DevelopmentRouteTable);
                _services[name] = service;
            }
            return service;
        }
        finally
        {
            _starting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _services.Values)
        {
            await service.DisposeAsync();
        }
        if (Identity is not null)
        {
            await Identity.DisposeAsync();
        }
        _starting.Dispose();
    }
}
