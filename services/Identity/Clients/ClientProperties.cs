namespace Partnership.Identity.Clients;

/// <summary>Names of the custom properties stored on OpenIddict applications.</summary>
public static class ClientProperties
{
    /// <summary>The agency a client-credentials client acts for, copied into its tokens' "agency" claim.</summary>
    public const string Agency = "agency";
}
