using System.Net;
using Partnership.Gateway.RateLimiting;
using Partnership.ServiceDefaults.Auth;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Partnership.Gateway.Proxy;

/// <summary>
/// gRPC services behind the gateway. A call's path is <c>/&lt;package&gt;.&lt;Service&gt;/&lt;Method&gt;</c>, so each
/// gRPC service gets a route of its own, authenticated and rate limited like the REST routes. It is forwarded over
/// cleartext HTTP/2 with prior knowledge to the service's gRPC endpoint (Aspire names it "grpc": <c>http://_grpc.sharing</c>),
/// because the service's ordinary port speaks HTTP/1.1 only. Callers reach the gateway the same way, on its own
/// HTTP/2-only port (<c>Gateway:GrpcPort</c>).
/// </summary>
public static class GrpcRoutes
{
    public const string GrpcPortSetting = "Gateway:GrpcPort";
    public const string EndpointName = "grpc";

    /// <summary>The owning service (its Aspire name) and the fully qualified gRPC service name from its proto.</summary>
    public static readonly IReadOnlyList<(string Service, string GrpcService)> Services =
    [
        (PartnershipApis.Sharing.Service, "partnership.sharing.v1.SharingService"),
    ];

    public static IEnumerable<RouteConfig> Routes(GatewayOptions options) =>
        Services.Select(s => new RouteConfig
        {
            RouteId = $"grpc-{s.Service}",
            ClusterId = ClusterId(s.Service),
            Match = new RouteMatch { Path = $"/{s.GrpcService}/{{method}}" },
            AuthorizationPolicy = CatalogueRoutes.AuthenticatedPolicy,
            RateLimiterPolicy = ClientRateLimiting.PolicyName,
            MaxRequestBodySize = options.MaxRequestBodyBytes,
        });

    public static IEnumerable<ClusterConfig> Clusters() =>
        Services.Select(s => s.Service).Distinct().Select(service => new ClusterConfig
        {
            ClusterId = ClusterId(service),
            Destinations = new Dictionary<string, DestinationConfig>
            {
                [service] = new() { Address = $"http://_{EndpointName}.{service}" },
            },
            HttpRequest = new ForwarderRequestConfig
            {
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            },
        });

    public static string ClusterId(string service) => $"{service}-{EndpointName}";
}
