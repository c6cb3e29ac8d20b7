using Yarp.ReverseProxy.Configuration;

namespace Partnership.Gateway.Proxy;

public static class ProxyRegistration
{
    public const string ConfigurationSection = "ReverseProxy";

    /// <summary>
    /// Catalogue routes from code plus anything in the <c>ReverseProxy</c> section. A route or cluster defined in
    /// configuration with the same id as a catalogue one replaces it, so operators can retune one route without a rebuild.
    /// </summary>
    public static IHostApplicationBuilder AddGatewayProxy(this IHostApplicationBuilder builder, GatewayOptions options)
    {
        var section = builder.Configuration.GetSection(ConfigurationSection);
        var overriddenRoutes = section.GetSection("Routes").GetChildren().Select(c => c.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var overriddenClusters = section.GetSection("Clusters").GetChildren().Select(c => c.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

        builder.Services.AddReverseProxy()
            .LoadFromMemory(
                CatalogueRoutes.Routes(options).Where(r => !overriddenRoutes.Contains(r.RouteId)).ToList(),
                CatalogueRoutes.Clusters().Where(c => !overriddenClusters.Contains(c.ClusterId)).ToList())
            .LoadFromConfig(section)
            .AddServiceDiscoveryDestinationResolver()
            .AddTransforms<CorrelationIdTransform>();
        return builder;
    }

    public static WebApplication MapGatewayProxy(this WebApplication app)
    {
        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<RequestBodyLimitMiddleware>();
            proxy.UseMiddleware<DownstreamResponseMiddleware>();
        });
        return app;
    }
}
