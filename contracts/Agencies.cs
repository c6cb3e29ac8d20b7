namespace Partnership.Contracts;

/// <summary>The agency codes carried in tokens (claim "agency") and in event envelopes.</summary>
public static class Agencies
{
    public const string SocialCare = "social-care";
    public const string Health = "health";
    public const string VirtualSchool = "virtual-school";
    public const string Police = "police";
    public const string YouthOffending = "youth-offending";
    public const string LeavingCare = "leaving-care";
    public const string MissingTeam = "missing-team";
    public const string Board = "board";

    public static readonly IReadOnlyList<string> All =
        [SocialCare, Health, VirtualSchool, Police, YouthOffending, LeavingCare, MissingTeam, Board];
}
