namespace Partnership.VirtualSchool.Apis;

/// <summary>The body of a single-mark correction; the child, date and session are in the path.</summary>
public sealed record CorrectAttendanceMarkRequest(string? Mark);

public sealed record AttendanceMarkResponse(string ChildKey, DateOnly Date, string Session, string Mark, string Category, DateTimeOffset RecordedAt);

public sealed record ChildAbsenceResponse(
    string ChildKey,
    int PossibleSessions,
    int AuthorisedAbsences,
    int UnauthorisedAbsences,
    decimal OverallAbsencePercent,
    decimal AuthorisedAbsencePercent,
    decimal UnauthorisedAbsencePercent,
    bool PersistentlyAbsent);
