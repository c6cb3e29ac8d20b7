namespace Partnership.AppHost;

/// <summary>
/// The backing services every Partnership service uses, whichever way they are run: PostgreSQL and RabbitMQ as
/// plain executables (the default; no container runtime on the development machines or CI), or Aspire's container
/// integrations when <c>Partnership:UseContainers=true</c>.
/// </summary>
internal sealed class Infrastructure
{
    public const string MessagingConnectionName = "messaging";

    private readonly Func<string, IResourceBuilder<IResourceWithConnectionString>> addDatabase;
    private readonly BrokerUsers? brokerUsers;

    private Infrastructure(
        IResourceBuilder<IResource> databaseServer,
        Func<string, IResourceBuilder<IResourceWithConnectionString>> addDatabase,
        IResourceBuilder<IResource> broker,
        IResourceBuilder<IResourceWithConnectionString> messaging,
        BrokerUsers? brokerUsers)
    {
        this.brokerUsers = brokerUsers;
        DatabaseServer = databaseServer;
        this.addDatabase = addDatabase;
        Broker = broker;
        Messaging = messaging;
    }

    /// <summary>The PostgreSQL server; services WaitFor it (their databases have no process of their own).</summary>
    public IResourceBuilder<IResource> DatabaseServer { get; }

    /// <summary>The broker process; services WaitFor it.</summary>
    public IResourceBuilder<IResource> Broker { get; }

    /// <summary>The "messaging" connection string (amqp://) that ServiceDefaults' AddPartnershipMessaging reads.</summary>
    public IResourceBuilder<IResourceWithConnectionString> Messaging { get; }

    /// <summary>
    /// Gives <paramref name="service"/> the broker: its own restricted user where the broker is ours to provision
    /// (the executable broker), otherwise the shared connection string.
    /// </summary>
    public IResourceBuilder<ProjectResource> ConnectToBroker(IResourceBuilder<ProjectResource> service)
    {
        if (brokerUsers is null)
        {
            return service.WithReference(Messaging).WaitFor(Broker);
        }
        return service
            .WithEnvironment($"ConnectionStrings__{MessagingConnectionName}", brokerUsers.ConnectionStringFor(service.Resource.Name))
            .WaitForCompletion(brokerUsers.Provisioner);
    }

    /// <summary>A database's connection string (server's plus <c>;Database=name</c>).</summary>
    public IResourceBuilder<IResourceWithConnectionString> AddDatabase(string name) => addDatabase(name);

    public static Infrastructure Add(IDistributedApplicationBuilder builder, PlatformOptions options)
    {
        if (options.UseContainers)
        {
            var postgres = builder.AddPostgres("postgres").WithDataVolume();
            var rabbit = builder.AddRabbitMQ(MessagingConnectionName).WithManagementPlugin().WithDataVolume();
            return new Infrastructure(postgres, name => postgres.AddDatabase(name), rabbit, rabbit, brokerUsers: null);
        }

        var server = builder.AddPostgresExecutable("postgres", options);
        var (broker, messaging, users) = builder.AddRabbitMqExecutable("rabbitmq", MessagingConnectionName, options);
        return new Infrastructure(server, name => server.AddDatabase(name), broker, messaging, users);
    }
}
