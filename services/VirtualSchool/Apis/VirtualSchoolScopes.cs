namespace Partnership.VirtualSchool.Apis;

/// <summary>The virtual school API's scopes (ServiceDefaults/Auth/PartnershipApis.cs), named once for the endpoints.</summary>
public static class VirtualSchoolScopes
{
    public const string Read = "virtual-school.read";
    public const string Write = "virtual-school.write";

    public static (string Read, string Write) Both => (Read, Write);
}
