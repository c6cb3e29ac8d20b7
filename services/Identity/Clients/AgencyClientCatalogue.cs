using Partnership.Contracts;

namespace Partnership.Identity.Clients;

/// <summary>
/// The agency systems allowed to call the partnership APIs with client credentials, the agency each acts for and the
/// scopes it may request. Seeded on every start, so this file is the single place to change a client's permissions.
/// </summary>
public static class AgencyClientCatalogue
{
    public sealed record AgencyClient(string ClientId, string DisplayName, string Agency, IReadOnlyList<string> Scopes);

    private static readonly string[] Sharing = ["child.resolve", "sharing.decide", "sharing.inbox"];

    public static readonly IReadOnlyList<AgencyClient> All =
    [
        new("social-care-system", "Children's social care system", Agencies.SocialCare,
            ["care-register.read", "care-register.write", .. Sharing]),
        new("health-system", "Health system", Agencies.Health,
            ["health.read", "health.write", .. Sharing]),
        new("virtual-school-system", "Virtual school system", Agencies.VirtualSchool,
            ["virtual-school.read", "virtual-school.write", .. Sharing]),
        new("police-system", "Police system", Agencies.Police,
            ["missing.read", "missing.write", "youth-justice.write", .. Sharing]),
        new("youth-offending-system", "Youth offending service system", Agencies.YouthOffending,
            ["youth-justice.read", "youth-justice.write", .. Sharing]),
        new("leaving-care-system", "Leaving care system", Agencies.LeavingCare,
            ["leaving-care.read", "leaving-care.write", .. Sharing]),
        new("missing-team-system", "Missing children team system", Agencies.MissingTeam,
            ["missing.read", "missing.write", .. Sharing]),
        new("board-reporting", "Board reporting", Agencies.Board,
            ["board.read"]),
    ];

    /// <summary>
    /// DEVELOPMENT-ONLY default secret, public in source control. Any shared or production environment must set
    /// Identity:Clients:&lt;client-id&gt;:Secret; outside Development the service refuses to start without it.
    /// </summary>
    public static string DevelopmentSecret(string clientId) => $"{clientId}-dev-secret";
}
