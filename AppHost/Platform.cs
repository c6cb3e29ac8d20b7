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
            infrastructure.ConnectToBroker(project);
        }
        project.TrustIdentity(Identity);
        services.Add(project);
        return project;
    }

    /// <summary>A web front end: no database or broker of its own, signs users in through identity, served via the gateway.</summary>
    public IResourceBuilder<ProjectResource> AddWebApp<TProject>(string name)
        where TProject : IProjectMetadata, new()
    {
        var project = builder.AddProject<TProject>(name)
            .WithHttp(options)
            .WithHttpHealthCheck("/health");
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

    /// <summary>
    /// Registers the board dashboard's OIDC callbacks with identity: the address browsers use (through the gateway,
    /// under <paramref name="gatewayPath"/>) and the dashboard's own address, for running it on its own.
    /// </summary>
    public void AllowDashboardSignIn(IResourceBuilder<ProjectResource> dashboard, IResourceBuilder<ProjectResource> gateway, string gatewayPath)
    {
        var viaGateway = gateway.GetEndpoint("http");
        var direct = dashboard.GetEndpoint("http");
        Identity
            .WithEnvironment("Identity__Dashboard__RedirectUris__0", ReferenceExpression.Create($"{viaGateway}{gatewayPath}/signin-oidc"))
            .WithEnvironment("Identity__Dashboard__RedirectUris__1", ReferenceExpression.Create($"{direct}{gatewayPath}/signin-oidc"))
            .WithEnvironment("Identity__Dashboard__PostLogoutRedirectUris__0", ReferenceExpression.Create($"{viaGateway}{gatewayPath}/signout-callback-oidc"))
            .WithEnvironment("Identity__Dashboard__PostLogoutRedirectUris__1", ReferenceExpression.Create($"{direct}{gatewayPath}/signout-callback-oidc"));
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
    /// The port stays Aspire's to allocate. Every project also gets the platform's environment name here, the one call
    /// they all share.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithHttp(this IResourceBuilder<ProjectResource> project, PlatformOptions options)
    {
        project.WithEnvironment("ASPNETCORE_ENVIRONMENT", options.ServiceEnvironment);
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
