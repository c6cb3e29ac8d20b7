using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Partnership.ServiceDefaults.Auth;

namespace Partnership.Gateway.RateLimiting;

/// <summary>
/// One fixed window per caller, so a runaway integration exhausts its own allowance and nobody else's.
/// Runs after authentication (the partition needs the token's claims) but before authorisation, so floods of
/// unauthenticated requests are counted against their source address too.
/// </summary>
public static class ClientRateLimiting
{
    public const string PolicyName = "per-client";

    public static IServiceCollection AddClientRateLimiting(this IServiceCollection services, GatewayOptions.RateLimitOptions limits)
    {
        var window = new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.PermitLimit,
            Window = TimeSpan.FromSeconds(limits.WindowSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        };

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PolicyName, context => RateLimitPartition.GetFixedWindowLimiter(PartitionKey(context), _ => window));
            options.OnRejected = OnRejectedAsync;
        });
        return services;
    }

    /// <summary>Client credentials tokens carry client_id; user tokens at least carry sub; anonymous callers have an address.</summary>
    public static string PartitionKey(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            if (Claim(user, PartnershipClaims.ClientId) is { } clientId)
            {
                return "client:" + clientId;
            }
            if (Claim(user, PartnershipClaims.Subject) is { } subject)
            {
                return "sub:" + subject;
            }
        }
        return "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    private static string? Claim(ClaimsPrincipal user, string type) =>
        user.FindFirst(type)?.Value is { Length: > 0 } value ? value : null;

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);

        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClientRateLimiting))
            .LogWarning("Rate limit exceeded for {RateLimitPartition} on {Path}; retry after {RetryAfterSeconds}s",
                PartitionKey(context), context.Request.Path, seconds);

        await GatewayProblems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests",
            $"The rate limit for this client has been reached. Retry after {seconds} seconds.");
    }
}
