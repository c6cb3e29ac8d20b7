using Partnership.Gateway;
using Partnership.Gateway.Proxy;
using Partnership.Gateway.RateLimiting;
using Partnership.ServiceDefaults;
using Partnership.ServiceDefaults.Auth;
using Partnership.ServiceDefaults.Http;

var builder = WebApplication.CreateBuilder(args);
var options = GatewayOptions.From(builder.Configuration);

builder.AddServiceDefaults();
// Any platform audience gets through the edge; each service then checks its own audience and scopes.
builder.AddPartnershipAuthentication([.. PartnershipApis.AllAudiences]);
builder.Services.AddClientRateLimiting(options.RateLimit);
// The server-wide ceiling is the ordinary limit; YARP raises it per route for the bulk uploads.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);
// gRPC callers need cleartext HTTP/2, which the ordinary (HTTP/1.1) port cannot speak.
builder.AddCleartextHttp2Port(GrpcRoutes.GrpcPortSetting);
builder.AddGatewayProxy(options);

var app = builder.Build();

app.UsePartnershipDefaults();
app.UseRouting();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapGatewayProxy();

app.Run();

public partial class Program;
