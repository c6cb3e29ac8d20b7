using Partnership.Board.Data;
using Partnership.CareRegister.Data;
using Partnership.Health.Data;
using Partnership.LeavingCare.Data;
using Partnership.Missing.Data;
using Partnership.ServiceDefaults.Auth;
using Partnership.Sharing.Data;
using Partnership.Testing;
using Partnership.VirtualSchool.Data;
using Partnership.YouthJustice.Data;

namespace Partnership.Security.Tests.Infrastructure;

/// <summary>Every API service of the platform, by the name PartnershipApis gives it, and how to host it in a test.</summary>
public static class PlatformServices
{
    private static readonly Dictionary<string, Func<IdentityHost, IReadOnlyDictionary<string, string>?, Task<HostedService>>> Starters = new(StringComparer.Ordinal)
    {
        [PartnershipApis.Health.Service] = (id, settings) => Start<HealthDbContext>(id, PartnershipApis.Health, "healthdb", settings),
        [PartnershipApis.Board.Service] = (id, settings) => Start<BoardDbContext>(id, PartnershipApis.Board, "boarddb", settings),
        [PartnershipApis.CareRegister.Service] = (id, settings) => Start<CareRegisterDbContext>(id, PartnershipApis.CareRegister, "careregisterdb", settings),
        [PartnershipApis.VirtualSchool.Service] = (id, settings) => Start<VirtualSchoolDbContext>(id, PartnershipApis.VirtualSchool, "virtualschooldb", settings),
        [PartnershipApis.LeavingCare.Service] = (id, settings) => Start<LeavingCareDbContext>(id, PartnershipApis.LeavingCare, "leavingcaredb", settings),
        [PartnershipApis.Missing.Service] = (id, settings) => Start<MissingDbContext>(id, PartnershipApis.Missing, "missingdb", settings),
        [PartnershipApis.YouthJustice.Service] = (id, settings) => Start<YouthJusticeDbContext>(id, PartnershipApis.YouthJustice, "youthjusticedb", settings),
        [PartnershipApis.Sharing.Service] = (id, settings) => Start<SharingDbContext>(id, PartnershipApis.Sharing, "sharingdb", settings),
    };

    /// <summary>Every API of the catalogue has a host here, so a new API cannot escape the security suite unnoticed.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. PartnershipApis.All.Select(a => a.Service)];

    public static Task<HostedService> StartAsync(IdentityHost identity, string service, IReadOnlyDictionary<string, string>? settings = null) =>
        Starters.TryGetValue(service, out var start)
            ? start(identity, settings)
            : throw new InvalidOperationException($"No test host for the '{service}' API: add it to PlatformServices.");

    private static Task<HostedService> Start<T>(IdentityHost identity, PartnershipApis.Api api, string connectionName,
        IReadOnlyDictionary<string, string>? settings) where T : class =>
        HostedService.StartAsync<T>(identity, api.Service, api.Audience, connectionName, settings);
}
