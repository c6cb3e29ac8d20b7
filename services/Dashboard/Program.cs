using MudBlazor.Services;
using Partnership.Dashboard;
using Partnership.Dashboard.Auth;
using Partnership.Dashboard.Board;
using Partnership.Dashboard.Components;
using Partnership.Dashboard.Export;
using Partnership.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDashboardAuthentication();
builder.Services.AddBoardApi(builder.Configuration);
builder.Services.AddGatewayForwardedHeaders(builder.Configuration);
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();

var app = builder.Build();

// Before everything else, so links, cookies and the OIDC callback all carry the prefix the gateway forwards.
app.UseForwardedHeaders();
app.UsePathBase(DashboardPaths.PathBase(app.Configuration));
app.UsePartnershipDefaults();
// Explicit, after the path base: the implicit routing step would match on the path with the prefix still in it.
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapStaticAssets().AllowAnonymous();
app.MapAccountEndpoints();
app.MapExportEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
