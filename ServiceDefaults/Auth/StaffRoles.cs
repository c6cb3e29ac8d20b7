namespace Partnership.ServiceDefaults.Auth;

/// <summary>Roles carried by staff users who sign in to the dashboard.</summary>
public static class StaffRoles
{
    public const string BoardMember = "board-member";
    public const string AgencyOfficer = "agency-officer";
    public const string Administrator = "administrator";
    public const string DataProtectionOfficer = "data-protection-officer";
}
