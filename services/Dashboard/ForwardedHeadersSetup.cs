using Microsoft.AspNetCore.HttpOverrides;

namespace Partnership.Dashboard;

public static class ForwardedHeadersSetup
{
    /// <summary>
    /// Behind the gateway the browser's host and scheme arrive as X-Forwarded-Host/Proto; the OIDC redirect URI must be
    /// built from them or the identity service would be asked to return to the dashboard's internal address. Only the
    /// gateway can reach the dashboard in a deployment, so any sender is trusted (Dashboard:TrustForwardedHeaders=false
    /// turns this off), and a forged host gains nothing: the identity service only returns to registered redirect URIs.
    /// </summary>
    public static IServiceCollection AddGatewayForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var trust = configuration.GetValue("Dashboard:TrustForwardedHeaders", true);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = trust ? ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
        });
        return services;
    }
}
