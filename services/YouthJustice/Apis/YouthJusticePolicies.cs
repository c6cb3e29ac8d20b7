using Microsoft.AspNetCore.Authorization;
using Partnership.Contracts;
using Partnership.ServiceDefaults.Auth;

namespace Partnership.YouthJustice.Apis;

/// <summary>
/// The youth offending team and police both record outcomes (police hold youth-justice.write only, so they cannot
/// read the register back). The agency check keeps any future holder of the write scope from recording outcomes
/// without being one of the two agencies that decide them.
/// </summary>
public static class YouthJusticePolicies
{
    public const string Read = "youth-justice.read";
    public const string Write = "youth-justice.write";
    public const string RecordOutcomes = "youth-justice.write:yot-or-police";

    public static AuthorizationBuilder AddYouthJusticeAgencyPolicies(this AuthorizationBuilder authorization) =>
        authorization.AddAgencyScopePolicy(RecordOutcomes, Write, Agencies.YouthOffending, Agencies.Police);
}
