using Microsoft.AspNetCore.Authorization;
using Partnership.Contracts;
using Partnership.ServiceDefaults.Auth;

namespace Partnership.CareRegister.Apis;

/// <summary>
/// Adoption milestones are the local authority's own decisions (agency decision maker, court orders, matching), so
/// besides the write scope the token must act for social care.
/// </summary>
public static class CareRegisterPolicies
{
    public const string RecordAdoption = "care-register.write:social-care";

    public static AuthorizationBuilder AddCareRegisterAgencyPolicies(this AuthorizationBuilder authorization) =>
        authorization.AddAgencyScopePolicy(RecordAdoption, ChildrenApi.WriteScope, Agencies.SocialCare);
}
