using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Partnership.Identity.Tests.Infrastructure;

/// <summary>
/// The identity service hosted in-process on the given database, with the issuer the test server answers on; optionally
/// on a clock the test moves and with extra settings (short lifetimes and leeways).
/// </summary>
public sealed class IdentityServerFactory(
    string connectionString, TimeProvider? clock = null, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public const string Issuer = "http://localhost";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // UseSetting rather than ConfigureAppConfiguration: Program reads these before the host is built.
        builder.UseSetting("ConnectionStrings:identitydb", connectionString);
        builder.UseSetting("Identity:Issuer", Issuer);
        builder.UseSetting("Identity:AllowHttp", "true");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        if (clock is not null)
        {
            // OpenIddict takes its clock from the container, so token lifetimes and the reuse leeway follow this one.
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }

    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
