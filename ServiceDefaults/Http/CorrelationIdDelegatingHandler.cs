using Microsoft.AspNetCore.Http;

namespace Partnership.ServiceDefaults.Http;

/// <summary>Carries the current request's correlation id onto every outgoing HTTP call.</summary>
public sealed class CorrelationIdDelegatingHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext?.Items[CorrelationId.ItemKey] is string id && !request.Headers.Contains(CorrelationId.HeaderName))
        {
            request.Headers.Add(CorrelationId.HeaderName, id);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
