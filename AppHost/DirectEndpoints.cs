namespace Partnership.AppHost;

internal static class DirectEndpoints
{
    /// <summary>
    /// Every endpoint is served by its process itself, with no DCP proxy in front (ADR 0023). The proxy exists for
    /// replicas and for ports that survive a restart, neither of which the platform uses, and it copied every byte of
    /// every PostgreSQL statement, AMQP frame and HTTP hop through one more process: in issue 7's bench DCP took an
    /// eighth of the machine's CPU. Aspire still allocates the ports no option fixes.
    /// </summary>
    public static void ServeEndpointsDirectly(this IDistributedApplicationBuilder builder)
    {
        foreach (var resource in builder.Resources.OfType<IResourceWithEndpoints>().ToList())
        {
            builder.CreateResourceBuilder(resource).WithEndpointProxySupport(false);
        }
    }
}
