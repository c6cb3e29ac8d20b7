using Microsoft.AspNetCore.Authorization;
using Partnership.Contracts;
using Partnership.ServiceDefaults.Auth;

namespace Partnership.Missing.Apis;

/// <summary>
/// Who may do what. Both police and the missing team hold missing.write, so the split between them rests on the
/// agency claim: police log what they see (an episode starts or ends, an interview was offered and how it went);
/// the missing team owns the interview record afterwards, so only it may amend or close one.
/// </summary>
public static class MissingPolicies
{
    public const string Read = "missing.read";
    public const string Write = "missing.write";

    /// <summary>Start or end an episode, record an interview's outcome, raise an exploitation referral.</summary>
    public const string LogEpisodes = "missing.write:police-or-missing-team";

    /// <summary>Amend or close a return interview record.</summary>
    public const string ManageInterviews = "missing.write:missing-team";

    public static AuthorizationBuilder AddMissingAgencyPolicies(this AuthorizationBuilder authorization) => authorization
        .AddAgencyScopePolicy(LogEpisodes, Write, Agencies.Police, Agencies.MissingTeam)
        .AddAgencyScopePolicy(ManageInterviews, Write, Agencies.MissingTeam);
}
