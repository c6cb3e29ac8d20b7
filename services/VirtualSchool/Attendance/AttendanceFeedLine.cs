using Partnership.VirtualSchool.Domain;

namespace Partnership.VirtualSchool.Attendance;

/// <summary>
/// One line of a feed as the reader split it, not yet validated. Fields are slices of the line so a feed of hundreds
/// of thousands of rows does not allocate a string per field. <see cref="Row"/> is the line number in the body
/// (the CSV header is line 1), which is what a sender needs to find the line.
/// </summary>
public readonly record struct AttendanceFeedLine(
    long Row,
    ReadOnlyMemory<char> ChildKey,
    ReadOnlyMemory<char> Date,
    ReadOnlyMemory<char> Session,
    ReadOnlyMemory<char> Mark,
    AttendanceRowError? FormatError = null)
{
    public static AttendanceFeedLine Malformed(long row, string field, string message) =>
        new(row, default, default, default, default, new AttendanceRowError(row, field, message));
}

/// <summary>A validated mark ready for the staging table.</summary>
public readonly record struct AttendanceRow(
    long Row, string ChildKey, DateOnly Date, AttendanceSession Session, string Mark, AttendanceCategory Category);

public sealed record AttendanceRowError(long Row, string Field, string Message);
