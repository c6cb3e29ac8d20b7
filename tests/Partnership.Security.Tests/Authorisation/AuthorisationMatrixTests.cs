using System.Net;
using Partnership.Security.Tests.Infrastructure;

namespace Partnership.Security.Tests.Authorisation;

/// <summary>
/// Every endpoint of every service, called by nobody, by every agency system and by every staff role, with real tokens:
/// the answer must be 401, 403 or "let through" exactly as <see cref="AccessRules"/> declares.
/// </summary>
public sealed class AuthorisationMatrixTests(AuthorisationFixture fixture) : IClassFixture<AuthorisationFixture>
{
    public static TheoryData<string> Services => [.. PlatformServices.Names];

    internal enum Outcome { Unauthenticated, Forbidden, LetThrough }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_endpoint_has_exactly_one_rule_and_every_rule_an_endpoint(string service)
    {
        var host = await fixture.ServiceAsync(service);
        var endpoints = RouteEntry.Of(host.Services).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var rules = AccessRules.For(service).ToList();

        var duplicated = rules.GroupBy(r => r.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var unruled = endpoints.Except(rules.Select(r => r.Key)).Order().ToList();
        var stale = rules.Select(r => r.Key).Except(endpoints).Order().ToList();

        Assert.True(duplicated.Count == 0, $"{service}: more than one rule for {string.Join(", ", duplicated)}");
        Assert.True(unruled.Count == 0, $"{service}: endpoints without an access rule (add them to AccessRules): {string.Join(", ", unruled)}");
        Assert.True(stale.Count == 0, $"{service}: rules for endpoints that no longer exist: {string.Join(", ", stale)}");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_caller_gets_what_the_rules_declare(string service)
    {
        var host = await fixture.ServiceAsync(service);
        using var http = host.CreateClient();
        var endpoints = RouteEntry.Of(host.Services).ToDictionary(e => e.Key, StringComparer.Ordinal);
        var mismatches = new List<string>();
        var calls = 0;
        foreach (var rule in AccessRules.For(service))
        {
            var accepts = endpoints.TryGetValue(rule.Key, out var endpoint) ? endpoint.ContentTypes : [];
            foreach (var caller in fixture.Callers)
            {
                var expected = Expected(rule, caller, host.Audience);
                using var request = ProbeRequest.For(rule, accepts, caller.Token);
                using var response = await http.SendAsync(request);
                calls++;
                var actual = Classify(rule, response.StatusCode);
                if (actual != expected)
                {
                    mismatches.Add($"{rule.Key} as {caller}: expected {expected} ({rule.Access}), got {(int)response.StatusCode}");
                }
            }
        }
        Assert.True(mismatches.Count == 0, $"{service}: {mismatches.Count} of {calls} calls disagree with the rules:\n{string.Join('\n', mismatches)}");
    }

    internal static Outcome Expected(AccessRules.Rule rule, Caller caller, string audience)
    {
        if (rule.Access.IsAnonymous)
        {
            return Outcome.LetThrough;
        }
        if (caller.IsAnonymous || !caller.Audiences.Contains(audience))
        {
            // A token for another API is not a credential for this one at all.
            return Outcome.Unauthenticated;
        }
        return rule.Access.Admits(caller) ? Outcome.LetThrough : Outcome.Forbidden;
    }

    /// <summary>
    /// Let through means the handler ran: any answer but 401/403 and no server error. gRPC answers 200 with its own
    /// status in the trailers once past authorisation (an empty message is usually InvalidArgument).
    /// </summary>
    internal static Outcome Classify(AccessRules.Rule rule, HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => Outcome.Unauthenticated,
        HttpStatusCode.Forbidden => Outcome.Forbidden,
        HttpStatusCode.OK when rule.Transport == AccessRules.Transport.Grpc => Outcome.LetThrough,
        // Readiness answers 503 while the bus is still connecting its endpoints: the anonymous handler ran.
        HttpStatusCode.ServiceUnavailable when rule.Pattern == "/health" => Outcome.LetThrough,
        _ when rule.Transport == AccessRules.Transport.Grpc => (Outcome)(-1),
        >= HttpStatusCode.InternalServerError => (Outcome)(-1),
        _ => Outcome.LetThrough,
    };
}
