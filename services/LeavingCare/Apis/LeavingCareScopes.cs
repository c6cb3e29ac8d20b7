namespace Partnership.LeavingCare.Apis;

/// <summary>The leaving care API's scopes (ServiceDefaults/Auth/PartnershipApis.cs), named once for the endpoints.</summary>
public static class LeavingCareScopes
{
    public const string Read = "leaving-care.read";
    public const string Write = "leaving-care.write";

    public static (string Read, string Write) Both => (Read, Write);
}
