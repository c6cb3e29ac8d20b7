using Partnership.Identity.Data;
using Partnership.Identity.Endpoints;
using Partnership.Identity.Hosting;
using Partnership.ServiceDefaults;
using Partnership.ServiceDefaults.Persistence;
using Partnership.ServiceDefaults.Retention;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPartnershipDbContext<IdentityDbContext>("identitydb");
builder.AddIdentityServer();
builder.AddRetentionRule<OpenIddictRetention>();

var app = builder.Build();

app.UsePartnershipDefaults();
// Before authentication: OpenIddict rejects bad client secrets inside the authentication middleware.
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapIdentityEndpoints();
app.MapDefaultEndpoints();

await app.MigrateDatabaseAsync<IdentityDbContext>();
await app.InitializeIdentityAsync();

await app.RunAsync();

/// <summary>Entry point, public so the integration tests can host the service with WebApplicationFactory.</summary>
public partial class Program;
