namespace Partnership.AppHost;

/// <summary>
/// PostgreSQL run from the distribution's binaries as an Aspire executable, for machines without a container runtime.
/// DCP allocates the port and hands it over in PGPORT, so nothing here clashes with a system instance or with
/// scripts/infra.sh's test server.
/// </summary>
internal sealed class PostgresExecutableResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";
    public const string SuperUser = "postgres";

    public ParameterResource Password { get; } = password;

    public EndpointReference PrimaryEndpoint => field ??= new EndpointReference(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={SuperUser};Password={Password}");
}

/// <summary>
/// A database on <see cref="PostgresExecutableResource"/>. It only supplies the connection string: each service
/// creates its own database through its EF Core migrations.
/// </summary>
internal sealed class PostgresExecutableDatabaseResource(string name, string databaseName, PostgresExecutableResource parent)
    : Resource(name), IResourceWithParent<PostgresExecutableResource>, IResourceWithConnectionString
{
    public PostgresExecutableResource Parent { get; } = parent;

    public string DatabaseName { get; } = databaseName;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}

internal static class PostgresExecutableExtensions
{
    // Development-only default, bound to 127.0.0.1 on a throwaway local cluster. Override with Parameters:postgres-password.
    private const string DevelopmentOnlyPassword = "dev-only-postgres-password";

    public static IResourceBuilder<PostgresExecutableResource> AddPostgresExecutable(
        this IDistributedApplicationBuilder builder, string name, PlatformOptions options)
    {
        var bin = options.PostgresBinDirectory ?? FindPostgresBinDirectory();
        // PostgreSQL runs as nobody, which must reach its data directory: a checkout under /root (mode 0700) cannot be.
        var preferred = Path.Combine(options.StateDirectory, name);
        var scratch = ProcessRunner.ScratchDirectory(options.StateDirectory);
        var stateDirectory = ProcessRunner.ReachableByUnprivileged(preferred) ? preferred : Path.Combine(scratch, name);
        var dataDirectory = Path.Combine(stateDirectory, "data");
        // Unix socket paths are limited to about 100 characters; a deep checkout would exceed that.
        var socketDirectory = Path.Combine(scratch, $"{name}-socket");
        var password = builder.AddParameter($"{name}-password", DevelopmentOnlyPassword, secret: true);

        var (command, prefix) = ProcessRunner.Unprivileged(Path.Combine(bin, "postgres"));
        Directory.CreateDirectory(stateDirectory);
        var resource = new PostgresExecutableResource(name, command, stateDirectory, password.Resource);

        builder.Eventing.Subscribe<BeforeStartEvent>(async (_, cancellationToken) =>
        {
            Directory.CreateDirectory(scratch);
            await ProcessRunner.CreatePrivateDirectoryAsync(dataDirectory, cancellationToken);
            await ProcessRunner.CreatePrivateDirectoryAsync(socketDirectory, cancellationToken);
            if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
            {
                await InitDbAsync(bin, dataDirectory, stateDirectory,
                    await password.Resource.GetValueAsync(cancellationToken) ?? DevelopmentOnlyPassword, cancellationToken);
            }
        });

        return builder.AddResource(resource)
            .WithArgs(prefix)
            .WithArgs("-D", dataDirectory, "-k", socketDirectory,
                "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300")
            .WithEndpoint(scheme: "tcp", name: PostgresExecutableResource.EndpointName, env: "PGPORT")
            .WithPostgresHealthCheck(PostgresExecutableResource.EndpointName)
            .WithIconName("Database");
    }

    public static IResourceBuilder<PostgresExecutableDatabaseResource> AddDatabase(
        this IResourceBuilder<PostgresExecutableResource> server, string name, string? databaseName = null)
    {
        var database = new PostgresExecutableDatabaseResource(name, databaseName ?? name, server.Resource);
        return server.ApplicationBuilder.AddResource(database);
    }

    private static async Task InitDbAsync(string bin, string dataDirectory, string stateDirectory, string password, CancellationToken cancellationToken)
    {
        // initdb reads the password from a file; the unprivileged user must be able to read it, so it lives only briefly.
        var passwordFile = Path.Combine(stateDirectory, $".pwfile-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        try
        {
            await ProcessRunner.RunUnprivilegedAsync(Path.Combine(bin, "initdb"),
                ["-D", dataDirectory, "-U", PostgresExecutableResource.SuperUser, $"--pwfile={passwordFile}",
                    "--auth=scram-sha-256", "-E", "UTF8", "--no-instructions"],
                cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private static string FindPostgresBinDirectory() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "postgres")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault() ?? Fail()
            : Fail();

    private static string Fail() => throw new InvalidOperationException(
        "PostgreSQL binaries not found under /usr/lib/postgresql: run scripts/run.sh (it installs them), set " +
        "Partnership:PostgresBinDirectory, or set Partnership:UseContainers=true on a machine with a container runtime.");
}
