using Partnership.ServiceDefaults;
using Partnership.ServiceDefaults.Auth;
using Partnership.ServiceDefaults.Retention;
using Partnership.VirtualSchool.Apis;
using Partnership.VirtualSchool.Attendance;
using Partnership.VirtualSchool.Data;
using Partnership.VirtualSchool.Demo;

var builder = WebApplication.CreateBuilder(args);

builder.AddPartnershipService<VirtualSchoolDbContext>(PartnershipApis.VirtualSchool, "virtualschooldb");
builder.AddRetention<VirtualSchoolDbContext>(VirtualSchoolRetention.Policies);
builder.Services.AddDemoSeeder<VirtualSchoolDbContext, VirtualSchoolDemoSeeder>();
builder.Services.AddScoped<AttendanceFeedImporter>();

var app = builder.Build();

app.UsePartnershipService();
app.MapAttendanceApi();
app.MapEducationRecordsApi();

await app.RunPartnershipServiceAsync<VirtualSchoolDbContext>();

public partial class Program;
