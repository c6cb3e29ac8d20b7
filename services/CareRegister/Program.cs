using Partnership.CareRegister.Apis;
using Partnership.CareRegister.Data;
using Partnership.CareRegister.Demo;
using Partnership.CareRegister.Ssda903;
using Partnership.CareRegister.Ssda903.CommandLine;
using Partnership.ServiceDefaults;
using Partnership.ServiceDefaults.Auth;
using Partnership.ServiceDefaults.Retention;

// The importer and the sample generator are modes of the same executable, so they share the service's code path.
if (Ssda903CommandLine.Handles(args))
{
    return await Ssda903CommandLine.RunAsync(args, Console.Out, CancellationToken.None);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddPartnershipService<CareRegisterDbContext>(PartnershipApis.CareRegister, "careregisterdb").AddCareRegisterAgencyPolicies();
builder.AddRetention<CareRegisterDbContext>(CareRegisterRetention.Policies);
builder.Services.AddDemoSeeder<CareRegisterDbContext, CareRegisterDemoSeeder>();
builder.Services.AddSingleton<Ssda903Importer>();

var app = builder.Build();

app.UsePartnershipService();
app.MapChildrenApi();
app.MapResolveApi();
app.MapImportsApi();

await app.RunPartnershipServiceAsync<CareRegisterDbContext>();
return 0;

public partial class Program;
