namespace Partnership.Dashboard;

/// <summary>Where the dashboard lives: under a path base (the gateway forwards /dashboard/** unchanged), and its fixed routes.</summary>
public static class DashboardPaths
{
    public const string DefaultPathBase = "/dashboard";
    public const string Forbidden = "/forbidden";
    public const string SignedOut = "/signed-out";
    public const string Export = "/export";

    /// <summary>Dashboard:PathBase, default /dashboard; empty or "/" serves at the root.</summary>
    public static PathString PathBase(IConfiguration configuration)
    {
        var value = configuration["Dashboard:PathBase"] ?? DefaultPathBase;
        value = value.Trim().TrimEnd('/');
        return value.Length == 0 ? PathString.Empty : new PathString(value.StartsWith('/') ? value : "/" + value);
    }

    public static bool IsExport(HttpRequest request) => request.Path.StartsWithSegments(Export, StringComparison.OrdinalIgnoreCase);
}
