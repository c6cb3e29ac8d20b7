namespace Partnership.AppHost;

/// <summary>
/// Wires the Partnership services the same way: own database, broker, identity, demo seeding, readiness on /health.
/// Adding a service is one call here plus its ProjectReference in the csproj.
/// </summary>
internal sealed class Platform(IDistributedApplicationBuilder builder, Infrastructure infrastructure, PlatformOptions options)
{
    private readonly List<IResourceBuilder<ProjectResource>> services = [];
    private IResourceBuilder<ProjectResource>? identity;

    private IResourceBuilder<ProjectResource> Identity =>
        identity ?? throw new InvalidOperationException("Add the identity service before the services that trust it.");

    /// <summary>The token issuer. Its issuer URL is its own http endpoint, as every service is told too.</summary>
    public IResourceBuilder<ProjectResource> AddIdentity<TProject>(string name, string database)
        where TProject : IProjectMetadata, new()
    {
        var project = AddProject<TProject>(name, database);
        project.WithEnvironment("Identity__Issuer", project.GetEndpoint("http"));
        identity = project;
        return project;
    }

    /// <summary>A domain service: own database, the broker unless <paramref name="messaging"/> is false, and identity.</summary>
    public IResourceBuilder<ProjectResource> AddService<TProject>(string name, string database, bool messaging = true)
        where TProject : IProjectMetadata, new()
    {
        var project = AddProject<TProject>(name, database);
        if (messaging)
        {
            project.WithReference(infrastructure.Messaging).WaitFor(infrastructure.Broker);
        }
        project.TrustIdentity(Identity);
        services.Add(project);
        return project;
    }

    /// <summary>The public entry point, routing to identity and every service added before it.</summary>
    public IResourceBuilder<ProjectResource> AddGateway<TProject>(string name)
        where TProject : IProjectMetadata, new()
    {
        var gateway = builder.AddProject<TProject>(name)
            .WithHttp(options)
            .WithEndpoint("http", endpoint => endpoint.Port = options.GatewayPort)
            .WithExternalHttpEndpoints()
            .WithHttpHealthCheck("/health");
        gateway.TrustIdentity(Identity);
        foreach (var service in services)
        {
            gateway.WithReference(service).WaitFor(service);
        }
        return gateway;
    }

    private IResourceBuilder<ProjectResource> AddProject<TProject>(string name, string database)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name)
            .WithHttp(options)
            .WithReference(infrastructure.AddDatabase(database))
            .WaitFor(infrastructure.DatabaseServer)
            .WithEnvironment("Demo__Seed", options.SeedDemoData ? "true" : "false")
            .WithHttpHealthCheck("/health");
}

internal static class PlatformProjectExtensions
{
    /// <summary>
    /// Projects without a launch profile get no endpoint from Aspire; every service needs one for /health and routing.
    /// The port stays Aspire's to allocate.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithHttp(this IResourceBuilder<ProjectResource> project, PlatformOptions options)
    {
        if (!project.Resource.Annotations.OfType<EndpointAnnotation>().Any(e => e.Name == "http"))
        {
            return project.WithHttpEndpoint(name: "http");
        }
        return options.FixedServicePorts ? project : project.WithEndpoint("http", endpoint => endpoint.Port = null);
    }

    public static IResourceBuilder<ProjectResource> TrustIdentity(
        this IResourceBuilder<ProjectResource> project, IResourceBuilder<ProjectResource> identity) =>
        project.WithReference(identity)
            .WithEnvironment("Identity__Issuer", identity.GetEndpoint("http"))
            .WaitFor(identity);
}
