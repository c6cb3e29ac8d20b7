using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Partnership.Identity.Tests.Infrastructure;

/// <summary>The identity service hosted in-process on the given database, with the issuer the test server answers on.</summary>
public sealed class IdentityServerFactory(string connectionString) : WebApplicationFactory<Program>
{
    public const string Issuer = "http://localhost";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // UseSetting rather than ConfigureAppConfiguration: Program reads these before the host is built.
        builder.UseSetting("ConnectionStrings:identitydb", connectionString);
        builder.UseSetting("Identity:Issuer", Issuer);
        builder.UseSetting("Identity:AllowHttp", "true");
    }

    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
