using FluentValidation;
using Partnership.ServiceDefaults;
using Partnership.ServiceDefaults.Auth;
using Partnership.ServiceDefaults.Messaging;
using Partnership.ServiceDefaults.Persistence;
using Partnership.VirtualSchool.Apis;
using Partnership.VirtualSchool.Attendance;
using Partnership.VirtualSchool.Data;
using Partnership.VirtualSchool.Demo;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPartnershipDbContext<VirtualSchoolDbContext>("virtualschooldb");
builder.AddOutboxDispatcher<VirtualSchoolDbContext>();
builder.AddPartnershipMessaging();
builder.AddPartnershipAuthentication(PartnershipApis.VirtualSchool.Audience);
builder.Services.AddAuthorizationBuilder().AddScopePolicies([.. PartnershipApis.VirtualSchool.Scopes]);
builder.Services.AddValidatorsFromAssemblyContaining<Program>();
builder.Services.AddScoped<AttendanceFeedImporter>();
builder.Services.AddScoped<IDemoDataSeeder<VirtualSchoolDbContext>, VirtualSchoolDemoSeeder>();
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
app.MapAttendanceApi();
app.MapEducationRecordsApi();

await app.MigrateDatabaseAsync<VirtualSchoolDbContext>();
await app.RunAsync();

public partial class Program;
