using FluentValidation;
using Partnership.CareRegister.Apis;
using Partnership.CareRegister.Data;
using Partnership.CareRegister.Demo;
using Partnership.CareRegister.Ssda903;
using Partnership.CareRegister.Ssda903.CommandLine;
using Partnership.ServiceDefaults;
using Partnership.ServiceDefaults.Auth;
using Partnership.ServiceDefaults.Messaging;
using Partnership.ServiceDefaults.Persistence;
using Scalar.AspNetCore;

// The importer and the sample generator are modes of the same executable, so they share the service's code path.
if (Ssda903CommandLine.Handles(args))
{
    return await Ssda903CommandLine.RunAsync(args, Console.Out, CancellationToken.None);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPartnershipDbContext<CareRegisterDbContext>("careregisterdb");
builder.AddOutboxDispatcher<CareRegisterDbContext>();
builder.AddPartnershipMessaging();
builder.AddPartnershipAuthentication(PartnershipApis.CareRegister.Audience);
builder.Services.AddAuthorizationBuilder().AddScopePolicies([.. PartnershipApis.CareRegister.Scopes]);
builder.Services.AddValidatorsFromAssemblyContaining<Program>();
builder.Services.AddSingleton<Ssda903Importer>();
builder.Services.AddScoped<IDemoDataSeeder<CareRegisterDbContext>, CareRegisterDemoSeeder>();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UsePartnershipDefaults();
app.UseAuthentication();
app.UseAuthorization();

if (app.Environment.IsDevelopment())
{
    // API documentation is open only on developer machines; in production it sits behind the gateway's authentication.
    app.MapOpenApi().AllowAnonymous();
    app.MapScalarApiReference().AllowAnonymous();
}
app.MapDefaultEndpoints();
app.MapChildrenApi();
app.MapResolveApi();
app.MapImportsApi();

await app.MigrateDatabaseAsync<CareRegisterDbContext>();
await app.RunAsync();
return 0;

public partial class Program;
