using Microsoft.AspNetCore.Authorization;
using Partnership.Contracts;
using Partnership.ServiceDefaults.Auth;

namespace Partnership.Health.Apis;

/// <summary>
/// Health assessments, health checks, SDQs, CAMHS progress and the care leaver's health summary are the CiC health
/// team's own records: besides the scope, the token must act for the health agency, so a future client granted a
/// health scope for another purpose cannot write or read them.
/// </summary>
public static class HealthPolicies
{
    public const string RecordChecks = "health.write:health";
    public const string ReadChecks = "health.read:health";

    public static AuthorizationBuilder AddHealthAgencyPolicies(this AuthorizationBuilder authorization) => authorization
        .AddAgencyScopePolicy(RecordChecks, AssessmentsApi.WriteScope, Agencies.Health)
        .AddAgencyScopePolicy(ReadChecks, AssessmentsApi.ReadScope, Agencies.Health);
}
