using Partnership.AppHost;

var builder = DistributedApplication.CreateBuilder(args);
var options = PlatformOptions.From(builder);
var platform = new Platform(builder, Infrastructure.Add(builder, options), options);

platform.AddIdentity<Projects.Partnership_Identity>("identity", database: "identitydb");

platform.AddService<Projects.Partnership_Health>("health", database: "healthdb");
var board = platform.AddService<Projects.Partnership_Board>("board", database: "boarddb");
platform.AddService<Projects.Partnership_CareRegister>("care-register", database: "careregisterdb");
platform.AddService<Projects.Partnership_VirtualSchool>("virtual-school", database: "virtualschooldb");
platform.AddService<Projects.Partnership_YouthJustice>("youth-justice", database: "youthjusticedb");
platform.AddService<Projects.Partnership_Missing>("missing", database: "missingdb");
platform.AddService<Projects.Partnership_LeavingCare>("leaving-care", database: "leavingcaredb");
// gRPC over plain http needs its own HTTP/2-only port (services/Sharing/Hosting/GrpcEndpoints.cs).
platform.AddService<Projects.Partnership_Sharing>("sharing", database: "sharingdb")
    .WithHttpEndpoint(name: "grpc", env: "Sharing__GrpcPort")
    .AsHttp2Service();

// The board dashboard reads the board API by service discovery and is served to browsers under the gateway's /dashboard.
var dashboard = platform.AddWebApp<Projects.Partnership_Dashboard>("dashboard")
    .WithReference(board)
    .WaitFor(board);

var gateway = platform.AddGateway<Projects.Partnership_Gateway>("gateway");
// gRPC callers reach the sharing service through the gateway's own HTTP/2-only (h2c) port (gateway/Proxy/GrpcRoutes.cs).
gateway.WithHttpEndpoint(name: "grpc", port: options.GatewayPort + 1, env: "Gateway__GrpcPort")
    .WithEndpoint("grpc", endpoint =>
    {
        endpoint.Transport = "http2";
        endpoint.IsExternal = true;
    });
platform.AllowDashboardSignIn(dashboard, gateway, "/dashboard");
builder.ServeEndpointsDirectly();

builder.Build().Run();
