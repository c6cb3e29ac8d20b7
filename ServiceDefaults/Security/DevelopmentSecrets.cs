using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Partnership.ServiceDefaults.Security;

/// <summary>
/// Secrets that have a built-in value for local development. The built-in values are public (they are in this
/// repository), so any environment other than Development or the test suites' "Testing" must configure its own, and a
/// service that would fall back to one refuses to start instead of running with a key everyone knows.
/// </summary>
public static class DevelopmentSecrets
{
    public const string TestingEnvironment = "Testing";

    public static bool AllowsBuiltInSecrets(this IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment(TestingEnvironment);

    /// <summary>The configured value of <paramref name="key"/>, or the development value where that is allowed.</summary>
    public static string Resolve(IConfiguration configuration, IHostEnvironment environment, string key, string developmentValue)
    {
        var configured = configuration[key];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        if (!environment.AllowsBuiltInSecrets())
        {
            throw new InvalidOperationException(
                $"{key} must be configured in the {environment.EnvironmentName} environment: its built-in value is a public development default.");
        }
        return developmentValue;
    }
}
