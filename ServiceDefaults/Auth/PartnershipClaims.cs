namespace Partnership.ServiceDefaults.Auth;

/// <summary>Claim names issued by the identity service and read by every API.</summary>
public static class PartnershipClaims
{
    public const string Scope = "scope";
    public const string Role = "role";
    public const string Agency = "agency";
    public const string ClientId = "client_id";
    public const string Subject = "sub";
}
