using Microsoft.Extensions.DependencyInjection;
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
    private static readonly Dictionary<string, Func<IdentityHost, IReadOnlyDictionary<string, string>?, bool, Action<IServiceCollection>?, Task<HostedService>>> Starters = new(StringComparer.Ordinal)
    {
        [PartnershipApis.Health.Service] = (id, settings, kestrel, configure) => Start<HealthDbContext>(id, PartnershipApis.Health, "healthdb", settings, kestrel, configure),
        [PartnershipApis.Board.Service] = (id, settings, kestrel, configure) => Start<BoardDbContext>(id, PartnershipApis.Board, "boarddb", settings, kestrel, configure),
        [PartnershipApis.CareRegister.Service] = (id, settings, kestrel, configure) => Start<CareRegisterDbContext>(id, PartnershipApis.CareRegister, "careregisterdb", settings, kestrel, configure),
        [PartnershipApis.VirtualSchool.Service] = (id, settings, kestrel, configure) => Start<VirtualSchoolDbContext>(id, PartnershipApis.VirtualSchool, "virtualschooldb", settings, kestrel, configure),
        [PartnershipApis.LeavingCare.Service] = (id, settings, kestrel, configure) => Start<LeavingCareDbContext>(id, PartnershipApis.LeavingCare, "leavingcaredb", settings, kestrel, configure),
        [PartnershipApis.Missing.Service] = (id, settings, kestrel, configure) => Start<MissingDbContext>(id, PartnershipApis.Missing, "missingdb", settings, kestrel, configure),
        [PartnershipApis.YouthJustice.Service] = (id, settings, kestrel, configure) => Start<YouthJusticeDbContext>(id, PartnershipApis.YouthJustice, "youthjusticedb", settings, kestrel, configure),
        [PartnershipApis.Sharing.Service] = (id, settings, kestrel, configure) => Start<SharingDbContext>(id, PartnershipApis.Sharing, "sharingdb", settings, kestrel, configure),
    };

    /// <summary>Every API of the catalogue has a host here, so a new API cannot escape the security suite unnoticed.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. PartnershipApis.All.Select(a => a.Service)];

    public static Task<HostedService> StartAsync(IdentityHost identity, string service,
        IReadOnlyDictionary<string, string>? settings = null, bool kestrel = false, Action<IServiceCollection>? configureServices = null) =>
        Starters.TryGetValue(service, out var start)
            ? start(identity, settings, kestrel, configureServices)
            : throw new InvalidOperationException($"No test host for the '{service}' API: add it to PlatformServices.");

    private static Task<HostedService> Start<T>(IdentityHost identity, PartnershipApis.Api api, string connectionName,
        IReadOnlyDictionary<string, string>? settings, bool kestrel, Action<IServiceCollection>? configureServices) where T : class =>
        HostedService.StartAsync<T>(identity, api.Service, api.Audience, connectionName, settings, kestrel, configureServices);
}
