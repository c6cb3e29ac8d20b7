using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Partnership.Security.Tests.Authorisation;

/// <summary>One endpoint as the routing table holds it: "METHOD /pattern", gRPC methods included.</summary>
public sealed record RouteEntry(string Method, string Pattern, IReadOnlyList<string> ContentTypes)
{
    public string Key => $"{Method} {Pattern}";

    public override string ToString() => Key;

    /// <summary>Every routable endpoint of a running service. Endpoints without a method filter answer any method; GET stands for them.</summary>
    public static IReadOnlyList<RouteEntry> Of(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e =>
            {
                var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } m ? m : ["GET"];
                // Routing answers 415 to a body of another type before authorisation runs, so probes send an accepted type.
                var accepts = e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? [];
                return methods.Select(method => new RouteEntry(method, Normalise(e.RoutePattern.RawText ?? ""), accepts));
            })
            .DistinctBy(r => r.Key)
            .OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)];

    /// <summary>Group prefixes and "/" give "/a/b/"; the rules table writes "/a/b".</summary>
    private static string Normalise(string pattern)
    {
        var p = pattern.StartsWith('/') ? pattern : "/" + pattern;
        return p.Length > 1 ? p.TrimEnd('/') : p;
    }
}
