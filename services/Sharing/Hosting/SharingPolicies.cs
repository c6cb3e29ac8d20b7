using Microsoft.AspNetCore.Authorization;
using Partnership.ServiceDefaults.Auth;

namespace Partnership.Sharing.Hosting;

public static class SharingPolicies
{
    public const string Decide = "sharing.decide";
    public const string Inbox = "sharing.inbox";
    public const string Admin = "sharing.admin";

    /// <summary>Subject-access and audit oversight: the sharing.admin scope, or a data protection officer's token.</summary>
    public const string Oversight = "sharing.oversight";

    public static AuthorizationBuilder AddSharingPolicies(this AuthorizationBuilder authorization) =>
        authorization
            .AddPolicy(Oversight, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(ctx => ctx.User.HasScope(Admin) || ctx.User.IsInRole(StaffRoles.DataProtectionOfficer)));
}
