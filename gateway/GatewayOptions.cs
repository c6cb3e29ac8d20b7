namespace Partnership.Gateway;

/// <summary>The gateway's own limits, bound from the <c>Gateway</c> configuration section.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>Ordinary API calls carry small JSON documents; anything bigger is refused before it reaches a service.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1L * 1024 * 1024;

    /// <summary>Bulk imports (attendance files, care register imports) legitimately carry large uploads.</summary>
    public long MaxBulkRequestBodyBytes { get; set; } = 256L * 1024 * 1024;

    public RateLimitOptions RateLimit { get; set; } = new();

    public sealed class RateLimitOptions
    {
        public int PermitLimit { get; set; } = 1200;
        public int WindowSeconds { get; set; } = 60;
    }

    public static GatewayOptions From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<GatewayOptions>() ?? new GatewayOptions();
}
