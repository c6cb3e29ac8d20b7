namespace Partnership.ServiceDefaults.Auth;

/// <summary>
/// One API (token audience) per service, with its scopes. The identity service seeds exactly this catalogue,
/// and each service validates tokens for its own audience, so the two cannot drift apart.
/// </summary>
public static class PartnershipApis
{
    public sealed record Api(string Service, string Audience, IReadOnlyList<string> Scopes);

    public static readonly Api CareRegister = new("care-register", "partnership-care-register",
        ["care-register.read", "care-register.write", "child.resolve"]);
    public static readonly Api Health = new("health", "partnership-health", ["health.read", "health.write"]);
    public static readonly Api VirtualSchool = new("virtual-school", "partnership-virtual-school",
        ["virtual-school.read", "virtual-school.write"]);
    public static readonly Api YouthJustice = new("youth-justice", "partnership-youth-justice",
        ["youth-justice.read", "youth-justice.write"]);
    public static readonly Api Missing = new("missing", "partnership-missing", ["missing.read", "missing.write"]);
    public static readonly Api LeavingCare = new("leaving-care", "partnership-leaving-care",
        ["leaving-care.read", "leaving-care.write"]);
    public static readonly Api Sharing = new("sharing", "partnership-sharing", ["sharing.decide", "sharing.inbox", "sharing.admin"]);
    public static readonly Api Board = new("board", "partnership-board", ["board.read", "board.write"]);

    public static readonly IReadOnlyList<Api> All = [CareRegister, Health, VirtualSchool, YouthJustice, Missing, LeavingCare, Sharing, Board];

    public static IReadOnlyList<string> AllAudiences { get; } = All.Select(a => a.Audience).ToArray();

    public static Api ForScope(string scope) =>
        All.FirstOrDefault(a => a.Scopes.Contains(scope)) ?? throw new ArgumentException($"Unknown scope '{scope}'.", nameof(scope));
}
