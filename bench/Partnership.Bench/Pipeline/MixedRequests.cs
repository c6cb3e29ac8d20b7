using Partnership.Missing.Apis;

namespace Partnership.Bench.Pipeline;

/// <summary>
/// The missing episodes and attendance marks of the three-kinds load, the same for the platform run (sent as JSON)
/// and the in-process baseline (validated and written directly). Child keys name the run and the event's number.
/// </summary>
public static class MixedRequests
{
    public static string ChildKey(string runTag, char kind, int i) => $"BENCH-{runTag}-{kind}{i}";

    /// <summary>A child reported missing half an hour ago by the police; every fourth one at high risk.</summary>
    public static StartEpisodeRequest MissingEpisode(string runTag, int i, DateTimeOffset now) =>
        new(ChildKey(runTag, 'M', i), "Missing", i % 4 == 0 ? "High" : "Medium", now.AddMinutes(-30), "Police");

    /// <summary>A morning mark on a weekday in the last four weeks, spread by event number; every tenth an unauthorised absence.</summary>
    public static (string ChildKey, DateOnly Day, string Session, string Mark) AttendanceMark(string runTag, int i, DateOnly today)
    {
        var day = today.AddDays(-1 - i % 28);
        day = day.DayOfWeek switch { DayOfWeek.Saturday => day.AddDays(-1), DayOfWeek.Sunday => day.AddDays(-2), _ => day };
        return (ChildKey(runTag, 'V', i), day, "AM", i % 10 == 0 ? "O" : "/");
    }
}
