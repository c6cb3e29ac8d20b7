using Partnership.Contracts;
using Partnership.ServiceDefaults.Auth;

namespace Partnership.Identity.Users;

/// <summary>
/// DEVELOPMENT-ONLY accounts, seeded when Identity:SeedDevelopmentUsers is true (the default only in Development).
/// These passwords are public in source control: never enable this seeding in a shared or production environment.
/// </summary>
public static class DevelopmentStaffUsers
{
    public sealed record Seed(string UserName, string DisplayName, string Password, IReadOnlyList<string> Roles, string? Agency);

    public static readonly IReadOnlyList<Seed> All =
    [
        new("board.member", "Board Member (dev)", "Board-Member-1!", [StaffRoles.BoardMember], Agencies.Board),
        new("officer.health", "Health Officer (dev)", "Officer-Health-1!", [StaffRoles.AgencyOfficer], Agencies.Health),
        new("admin", "Administrator (dev)", "Admin-Dev-1!", [StaffRoles.Administrator], null),
        new("dpo", "Data Protection Officer (dev)", "Dpo-Dev-1!", [StaffRoles.DataProtectionOfficer], null),
    ];
}
