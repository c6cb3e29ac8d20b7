using Partnership.Gateway.RateLimiting;
using Partnership.ServiceDefaults.Auth;
using Yarp.ReverseProxy.Configuration;

namespace Partnership.Gateway.Proxy;

/// <summary>
/// The gateway's routes, derived from the API catalogue so that a new service is routed as soon as it is catalogued.
/// Destinations are logical names (<c>http://health</c>) that service discovery resolves at run time.
/// </summary>
public static class CatalogueRoutes
{
    public const string IdentityCluster = "identity";
    public const string DashboardCluster = "dashboard";
    public const string AnonymousPolicy = "Anonymous";
    public const string AuthenticatedPolicy = "Default";

    /// <summary>Routes that accept uploads above the ordinary body limit, by owning service.</summary>
    public static readonly IReadOnlyList<(string RouteId, string Service, string Path)> BulkPaths =
    [
        ("api-virtual-school-attendance-bulk", PartnershipApis.VirtualSchool.Service, "/api/virtual-school/attendance/bulk"),
        ("api-care-register-imports", PartnershipApis.CareRegister.Service, "/api/care-register/imports/{**rest}"),
    ];

    public static IReadOnlyList<RouteConfig> Routes(GatewayOptions options)
    {
        var routes = new List<RouteConfig>();
        foreach (var api in PartnershipApis.All)
        {
            routes.Add(ApiRoute($"api-{api.Service}", api.Service, $"/api/{api.Service}/{{**rest}}", options.MaxRequestBodyBytes));
        }
        foreach (var (routeId, service, path) in BulkPaths)
        {
            routes.Add(ApiRoute(routeId, service, path, options.MaxBulkRequestBodyBytes));
        }

        // The token and discovery endpoints must be reachable without a token: that is how a client gets one.
        routes.Add(AnonymousRoute("identity-connect", IdentityCluster, "/connect/{**rest}", options.MaxRequestBodyBytes));
        routes.Add(AnonymousRoute("identity-well-known", IdentityCluster, "/.well-known/{**rest}", options.MaxRequestBodyBytes));
        // The dashboard signs its users in itself (OIDC code flow); the gateway cannot demand a bearer token from a browser.
        routes.Add(AnonymousRoute("dashboard", DashboardCluster, "/dashboard/{**rest}", options.MaxRequestBodyBytes));
        routes.AddRange(GrpcRoutes.Routes(options));
        return routes;
    }

    public static IReadOnlyList<ClusterConfig> Clusters() =>
        PartnershipApis.All.Select(api => api.Service)
            .Append(IdentityCluster)
            .Append(DashboardCluster)
            .Select(Cluster)
            .Concat(GrpcRoutes.Clusters())
            .ToList();

    private static ClusterConfig Cluster(string service) => new()
    {
        ClusterId = service,
        Destinations = new Dictionary<string, DestinationConfig>
        {
            [service] = new() { Address = $"http://{service}" },
        },
    };

    private static RouteConfig ApiRoute(string routeId, string service, string path, long maxBodyBytes) => new()
    {
        RouteId = routeId,
        ClusterId = service,
        Match = new RouteMatch { Path = path },
        AuthorizationPolicy = AuthenticatedPolicy,
        RateLimiterPolicy = ClientRateLimiting.PolicyName,
        MaxRequestBodySize = maxBodyBytes,
    };

    private static RouteConfig AnonymousRoute(string routeId, string cluster, string path, long maxBodyBytes) => new()
    {
        RouteId = routeId,
        ClusterId = cluster,
        Match = new RouteMatch { Path = path },
        AuthorizationPolicy = AnonymousPolicy,
        RateLimiterPolicy = ClientRateLimiting.PolicyName,
        MaxRequestBodySize = maxBodyBytes,
    };
}
