using Partnership.ServiceDefaults;
using Partnership.ServiceDefaults.Auth;
using Partnership.YouthJustice.Apis;
using Partnership.YouthJustice.Data;
using Partnership.YouthJustice.Demo;

var builder = WebApplication.CreateBuilder(args);

builder.AddPartnershipService<YouthJusticeDbContext>(PartnershipApis.YouthJustice, "youthjusticedb").AddYouthJusticeAgencyPolicies();
builder.Services.AddDemoSeeder<YouthJusticeDbContext, YouthJusticeDemoSeeder>();

var app = builder.Build();

app.UsePartnershipService();
app.MapOutcomesApi();

await app.RunPartnershipServiceAsync<YouthJusticeDbContext>();

public partial class Program;
