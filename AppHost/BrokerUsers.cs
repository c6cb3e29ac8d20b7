namespace Partnership.AppHost;

/// <summary>
/// One RabbitMQ user per service, created by scripts/broker-permissions.sh once the broker is up: each service may
/// publish only its own domain's events and read only its own queues (docs/security.md). Passwords are generated at
/// every AppHost start and the script resets them, so nothing needs persisting.
/// </summary>
internal sealed class BrokerUsers
{
    private readonly IDistributedApplicationBuilder builder;
    private readonly EndpointReference amqp;
    private readonly List<string> services = [];

    public BrokerUsers(
        IDistributedApplicationBuilder builder, IResourceBuilder<RabbitMqExecutableResource> broker,
        string adminUser, IResourceBuilder<ParameterResource> adminPassword, string repositoryRoot)
    {
        this.builder = builder;
        amqp = broker.Resource.AmqpEndpoint;
        Provisioner = builder.AddExecutable($"{broker.Resource.Name}-users", "bash", repositoryRoot, "scripts/broker-permissions.sh")
            .WithArgs(context =>
            {
                context.Args.Add("--services");
                context.Args.Add(string.Join(' ', services));
            })
            .WithEnvironment("RABBITMQ_MANAGEMENT_URL", broker.GetEndpoint(RabbitMqExecutableResource.ManagementEndpointName))
            .WithEnvironment("RABBITMQ_AMQP_PORT", amqp.Property(EndpointProperty.Port))
            .WithEnvironment("RABBITMQ_ADMIN_USER", adminUser)
            .WithEnvironment("RABBITMQ_ADMIN_PASSWORD", adminPassword)
            .WithParentRelationship(broker)
            .WaitFor(broker);
    }

    /// <summary>Runs to completion before any service connects; services WaitForCompletion on it.</summary>
    public IResourceBuilder<ExecutableResource> Provisioner { get; }

    /// <summary>The service's own amqp:// connection string; registers the service with the provisioner.</summary>
    public ReferenceExpression ConnectionStringFor(string service)
    {
        services.Add(service);
        var password = builder.AddParameter($"rabbitmq-{service}-password",
            new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true);
        Provisioner.WithEnvironment($"BROKER_PASSWORD_{service.ToUpperInvariant().Replace('-', '_')}", password);
        return ReferenceExpression.Create(
            $"amqp://{service}:{password}@{amqp.Property(EndpointProperty.Host)}:{amqp.Property(EndpointProperty.Port)}/");
    }
}
