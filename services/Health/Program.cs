using Partnership.Health.Apis;
using Partnership.Health.Data;
using Partnership.Health.Demo;
using Partnership.ServiceDefaults;
using Partnership.ServiceDefaults.Auth;

var builder = WebApplication.CreateBuilder(args);

builder.AddPartnershipService<HealthDbContext>(PartnershipApis.Health, "healthdb").AddHealthAgencyPolicies();
builder.Services.AddDemoSeeder<HealthDbContext, HealthDemoSeeder>();

var app = builder.Build();

app.UsePartnershipService();
app.MapAssessmentsApi();
app.MapHealthChecksApi();
app.MapCamhsReferralsApi();
app.MapHealthSummaryApi();

await app.RunPartnershipServiceAsync<HealthDbContext>();

public partial class Program;
