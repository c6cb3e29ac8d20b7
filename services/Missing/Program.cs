using Partnership.Missing.Apis;
using Partnership.Missing.Data;
using Partnership.Missing.Demo;
using Partnership.ServiceDefaults;
using Partnership.ServiceDefaults.Auth;

var builder = WebApplication.CreateBuilder(args);

builder.AddPartnershipService<MissingDbContext>(PartnershipApis.Missing, "missingdb").AddMissingAgencyPolicies();
builder.Services.AddDemoSeeder<MissingDbContext, MissingDemoSeeder>();

var app = builder.Build();

app.UsePartnershipService();
app.MapEpisodesApi();
app.MapReturnInterviewsApi();

await app.RunPartnershipServiceAsync<MissingDbContext>();

public partial class Program;
