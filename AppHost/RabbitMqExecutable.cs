namespace Partnership.AppHost;

/// <summary>
/// RabbitMQ run from the distribution's scripts as an Aspire executable. Every path the broker writes to points at
/// the AppHost's state directory, so it never touches a system instance.
/// </summary>
internal sealed class RabbitMqExecutableResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory)
{
    public const string AmqpEndpointName = "amqp";
    public const string ManagementEndpointName = "management";

    public EndpointReference AmqpEndpoint => field ??= new EndpointReference(this, AmqpEndpointName);
}

internal static class RabbitMqExecutableExtensions
{
    // The plain script, not /usr/sbin/rabbitmq-server: that wrapper switches to the rabbitmq user and its system paths.
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private const string User = "partnership";
    // Development-only default for a loopback-bound throwaway broker. Override with Parameters:rabbitmq-password.
    private const string DevelopmentOnlyPassword = "dev-only-rabbitmq-password";
    private const string ManagementPortVariable = "PARTNERSHIP_RABBITMQ_MANAGEMENT_PORT";

    /// <summary>
    /// Adds epmd, the broker (waiting for epmd), the administrator's <paramref name="connectionName"/> connection string
    /// (amqp://user:password@host:port/, for tools) and the per-service users. Returns the broker, for WaitFor, the
    /// administrator's connection string and the service users.
    /// </summary>
    public static (IResourceBuilder<RabbitMqExecutableResource> Broker, IResourceBuilder<IResourceWithConnectionString> ConnectionString, BrokerUsers Users)
        AddRabbitMqExecutable(this IDistributedApplicationBuilder builder, string name, string connectionName, PlatformOptions options)
    {
        if (!File.Exists(ServerScript))
        {
            throw new InvalidOperationException($"{ServerScript} not found: run scripts/run.sh (it installs rabbitmq-server), " +
                "or set Partnership:UseContainers=true on a machine with a container runtime.");
        }

        var state = Path.Combine(options.StateDirectory, name);
        Directory.CreateDirectory(state);
        var password = builder.AddParameter($"{name}-password", DevelopmentOnlyPassword, secret: true);

        // epmd runs in the foreground as its own resource: started implicitly by the broker it would daemonise and
        // outlive the AppHost. Its port is fixed (Erlang nodes find it by port), hence configurable.
        var epmd = builder.AddExecutable($"{name}-epmd", "epmd", state, "-port", options.EpmdPort.ToString(), "-address", "127.0.0.1")
            .WithEndpoint(port: options.EpmdPort, targetPort: options.EpmdPort, scheme: "tcp", name: "epmd", isProxied: false)
            .WithEpmdHealthCheck("epmd");

        builder.Eventing.Subscribe<BeforeStartEvent>(async (_, cancellationToken) =>
        {
            Directory.CreateDirectory(Path.Combine(state, "mnesia"));
            Directory.CreateDirectory(Path.Combine(state, "log"));
            await File.WriteAllTextAsync(Path.Combine(state, "enabled_plugins"), "[rabbitmq_management].\n", cancellationToken);
            // default_user applies when the broker first creates its database; later starts keep the stored user.
            await File.WriteAllTextAsync(Path.Combine(state, "rabbitmq.conf"), $"""
                default_user = {User}
                default_pass = {await password.Resource.GetValueAsync(cancellationToken) ?? DevelopmentOnlyPassword}
                default_user_tags.administrator = true
                """ + "\n", cancellationToken);
            // rabbitmq-env sources this file as shell, which is the only way to get the management port (allocated by
            // DCP, known only from the environment at start) into the Erlang arguments.
            await File.WriteAllTextAsync(Path.Combine(state, "rabbitmq-env.conf"),
                $"SERVER_ADDITIONAL_ERL_ARGS=\"-rabbitmq_management listener [{{port,${ManagementPortVariable}}},{{ip,\\\"127.0.0.1\\\"}}] -kernel inet_dist_use_interface {{127,0,0,1}}\"\n",
                cancellationToken);
        });

        var broker = builder.AddResource(new RabbitMqExecutableResource(name, ServerScript, state))
            .WithEnvironment("HOME", state)
            .WithEnvironment("RABBITMQ_MNESIA_BASE", Path.Combine(state, "mnesia"))
            .WithEnvironment("RABBITMQ_LOG_BASE", Path.Combine(state, "log"))
            .WithEnvironment("RABBITMQ_LOGS", "-")
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", Path.Combine(state, "enabled_plugins"))
            .WithEnvironment("RABBITMQ_CONFIG_FILE", Path.Combine(state, "rabbitmq.conf"))
            .WithEnvironment("RABBITMQ_CONF_ENV_FILE", Path.Combine(state, "rabbitmq-env.conf"))
            .WithEnvironment("RABBITMQ_PID_FILE", Path.Combine(state, "rabbit.pid"))
            .WithEnvironment("RABBITMQ_NODENAME", "rabbit@localhost")
            .WithEnvironment("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1")
            .WithEnvironment("ERL_EPMD_PORT", options.EpmdPort.ToString())
            // The default (AMQP port + 20000) overflows for the high ports DCP hands out.
            .WithEnvironment("RABBITMQ_DIST_PORT", options.ErlangDistributionPort.ToString())
            .WithEnvironment("ERL_CRASH_DUMP", Path.Combine(state, "log", "erl_crash.dump"))
            .WithEndpoint(scheme: "tcp", name: RabbitMqExecutableResource.AmqpEndpointName, env: "RABBITMQ_NODE_PORT")
            .WithHttpEndpoint(name: RabbitMqExecutableResource.ManagementEndpointName, env: ManagementPortVariable)
            .WithAmqpHealthCheck(RabbitMqExecutableResource.AmqpEndpointName)
            .WithIconName("Mail")
            .WaitFor(epmd);
        epmd.WithParentRelationship(broker);

        var endpoint = broker.Resource.AmqpEndpoint;
        var connectionString = builder.AddConnectionString(connectionName, ReferenceExpression.Create(
            $"amqp://{User}:{password}@{endpoint.Property(EndpointProperty.Host)}:{endpoint.Property(EndpointProperty.Port)}/"));
        return (broker, connectionString, new BrokerUsers(builder, broker, User, password, options.RepositoryRoot));
    }
}
