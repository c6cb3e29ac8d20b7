namespace Partnership.VirtualSchool.Domain;

public enum AttendanceSession
{
    AM = 1,
    PM = 2,
}

/// <summary>
/// One registration session's mark for one child. The (child, date, session) key makes a re-sent or corrected mark
/// replace the earlier one rather than add to it.
/// </summary>
public sealed class AttendanceMark
{
    public required string ChildKey { get; set; }
    public DateOnly Date { get; set; }
    public AttendanceSession Session { get; set; }
    public required string Mark { get; set; }
    public AttendanceCategory Category { get; set; }
    public required string SubmittedByAgency { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
