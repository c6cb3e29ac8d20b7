using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Partnership.ServiceDefaults.Security;

namespace Partnership.UnitTests;

public sealed class DevelopmentSecretsTests
{
    private const string Key = "Board:Pseudonymisation:Key";

    [Theory]
    [InlineData("Development")]
    [InlineData("Testing")]
    public void The_public_default_is_used_only_where_development_secrets_are_allowed(string environment)
    {
        Assert.Equal("dev-default", DevelopmentSecrets.Resolve(Configuration(null), Environment(environment), Key, "dev-default"));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Elsewhere_a_missing_secret_stops_the_service_naming_the_key(string environment)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            DevelopmentSecrets.Resolve(Configuration(null), Environment(environment), Key, "dev-default"));
        Assert.Contains(Key, error.Message);
    }

    [Fact]
    public void A_configured_secret_always_wins()
    {
        Assert.Equal("from-vault", DevelopmentSecrets.Resolve(Configuration("from-vault"), Environment("Production"), Key, "dev-default"));
        Assert.Equal("from-vault", DevelopmentSecrets.Resolve(Configuration("from-vault"), Environment("Development"), Key, "dev-default"));
    }

    private static IConfiguration Configuration(string? value) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [Key] = value }).Build();

    private static IHostEnvironment Environment(string name) => new StubEnvironment(name);

    private sealed class StubEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "tests";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
