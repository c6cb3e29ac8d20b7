namespace Partnership.Missing.Tests;

/// <summary>Request bodies as an agency system would post them.</summary>
public static class Requests
{
    // Whole seconds, so values survive PostgreSQL's microsecond timestamps unchanged.
    public static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    public static string NewChild() => $"MIS-{Guid.NewGuid():N}"[..20];

    public static object Start(string childKey, DateTimeOffset? startedAt = null) => new
    {
        childKey,
        type = "Missing",
        risk = "High",
        startedAt = startedAt ?? Now.AddDays(-10),
        reportedBy = "ResidentialStaff",
    };

    public static object End(DateTimeOffset endedAt) => new { endedAt, foundBy = "Police" };

    public static object Interview(DateTimeOffset offeredAt, string concern = "None", bool accepted = true) => new
    {
        offeredAt,
        accepted,
        completedOn = accepted ? DateOnly.FromDateTime(offeredAt.UtcDateTime) : (DateOnly?)null,
        completedBy = accepted ? "MissingTeam" : null,
        concern,
    };
}
