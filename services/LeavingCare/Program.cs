using Partnership.ServiceDefaults;
using Partnership.ServiceDefaults.Auth;
using Partnership.LeavingCare.Apis;
using Partnership.LeavingCare.Data;
using Partnership.LeavingCare.Demo;

var builder = WebApplication.CreateBuilder(args);

builder.AddPartnershipService<LeavingCareDbContext>(PartnershipApis.LeavingCare, "leavingcaredb");
builder.Services.AddDemoSeeder<LeavingCareDbContext, LeavingCareDemoSeeder>();

var app = builder.Build();

app.UsePartnershipService();
app.MapCareLeaversApi();
app.MapCareLeaverRecordsApi();

await app.RunPartnershipServiceAsync<LeavingCareDbContext>();

public partial class Program;
