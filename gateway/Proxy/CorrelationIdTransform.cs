using Partnership.ServiceDefaults.Http;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Partnership.Gateway.Proxy;

/// <summary>
/// Pins the gateway's correlation id on the proxied request and on the response. The correlation middleware already
/// puts it on the request headers, but being explicit keeps it forwarded even if a route's transforms drop headers,
/// and overwriting the response header stops a downstream echo from doubling it ("id, id").
/// </summary>
internal sealed class CorrelationIdTransform : ITransformProvider
{
    public void ValidateRoute(TransformRouteValidationContext context) { }

    public void ValidateCluster(TransformClusterValidationContext context) { }

    public void Apply(TransformBuilderContext context)
    {
        context.AddRequestTransform(transform =>
        {
            if (transform.HttpContext.Items[CorrelationId.ItemKey] is string id)
            {
                transform.ProxyRequest.Headers.Remove(CorrelationId.HeaderName);
                transform.ProxyRequest.Headers.TryAddWithoutValidation(CorrelationId.HeaderName, id);
            }
            return ValueTask.CompletedTask;
        });
        context.AddResponseTransform(transform =>
        {
            if (transform.HttpContext.Items[CorrelationId.ItemKey] is string id)
            {
                transform.HttpContext.Response.Headers[CorrelationId.HeaderName] = id;
            }
            return ValueTask.CompletedTask;
        });
    }
}
