using Partnership.ServiceDefaults.Retention;

namespace Partnership.VirtualSchool.Data;

/// <summary>
/// Raw session marks are kept for three years (docs/security.md); the board keeps its own weekly attendance facts, so
/// pruning marks changes no indicator. PEPs, exclusions and the other education records are kept for the school
/// leaving year + 6 years, which this service cannot tell from what it stores, so they are not pruned here.
/// </summary>
public static class VirtualSchoolRetention
{
    public static IReadOnlyList<RetentionPolicy> Policies { get; } =
    [
        new("attendance-marks", VirtualSchoolDbContext.MarksTable, RetentionColumn.Date("date"), RetentionPeriod.Years(3)),
    ];
}
