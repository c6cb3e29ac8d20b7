using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Partnership.Identity.Hosting;

/// <summary>
/// Slows down secret and password guessing. Partitioned by caller IP: the client id is inside the form body, which a
/// limiter cannot read without buffering every request.
/// </summary>
public static class IdentityRateLimiting
{
    public const string TokenPolicy = "identity-token";
    public const string LoginPolicy = "identity-login";

    public static IServiceCollection AddIdentityRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var tokenPerMinute = configuration.GetValue("Identity:RateLimits:TokenRequestsPerMinute", 300);
        var loginPerMinute = configuration.GetValue("Identity:RateLimits:LoginAttemptsPerMinute", 20);

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(TokenPolicy, context => PerIp(context, tokenPerMinute));
            options.AddPolicy(LoginPolicy, context => PerIp(context, loginPerMinute));
        });
        return services;
    }

    private static RateLimitPartition<string> PerIp(HttpContext context, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
