namespace Partnership.Sharing.Domain;

/// <summary>
/// A named officer's decision to share for safeguarding without (or against) consent, with reason and lawful basis.
/// Time-limited; recorded in the audit log and visible to the data protection officer.
/// </summary>
public sealed class SafeguardingOverride : IChildRecord
{
    public const int DefaultDays = 7;
    public const int MaximumDays = 30;

    public Guid Id { get; set; }
    public required string ChildKey { get; set; }
    public required string SourceAgency { get; set; }
    public required string RecipientAgency { get; set; }
    public List<DataCategory> Categories { get; set; } = [];
    public required string OfficerId { get; set; }
    public required string OfficerRole { get; set; }
    public required string Reason { get; set; }
    public LawfulBasis LawfulBasis { get; set; }
    public DateTimeOffset ValidFrom { get; set; }
    public DateTimeOffset ValidTo { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }

    public bool Covers(string source, string recipient, DataCategory category, DateTimeOffset at) =>
        SourceAgency == source && RecipientAgency == recipient && Categories.Contains(category)
        && ValidFrom <= at && at < ValidTo;
}

/// <summary>Roles whose holders may make a safeguarding override (a designated safeguarding lead or an administrator).</summary>
public static class OverrideRoles
{
    public const string SafeguardingLead = "safeguarding-lead";

    public static readonly IReadOnlySet<string> Allowed =
        new HashSet<string>(StringComparer.Ordinal) { SafeguardingLead, Partnership.ServiceDefaults.Auth.StaffRoles.Administrator };
}
