namespace Partnership.VirtualSchool.Tests;

/// <summary>
/// A feed with a known answer: <see cref="Children"/> children × <see cref="Weeks"/> school weeks × 5 days × 2
/// sessions = 100,000 marks. Friday afternoon is '#' (not a possible session) for everyone; even-numbered children
/// are ill on Monday morning (I, authorised) and truant on Tuesday afternoon (O, unauthorised); everything else is
/// present. So each child-week has 9 possible sessions, and even children 1 authorised and 1 unauthorised absence.
/// </summary>
public static class KnownFeed
{
    public const int Children = 250;
    public const int Weeks = 20;
    public const int Rows = Children * Weeks * 10;
    public static readonly DateOnly FirstMonday = new(2026, 5, 4);

    public static string Key(string prefix, int child) => $"{prefix}{child:D4}";

    public static IEnumerable<(string ChildKey, string Date, string Session, string Mark)> Marks(string prefix)
    {
        for (var child = 1; child <= Children; child++)
        {
            var even = child % 2 == 0;
            for (var week = 0; week < Weeks; week++)
            {
                for (var day = 0; day < 5; day++)
                {
                    var date = FirstMonday.AddDays(week * 7 + day).ToString("yyyy-MM-dd");
                    yield return (Key(prefix, child), date, "AM", even && day == 0 ? "I" : "/");
                    yield return (Key(prefix, child), date, "PM", day == 4 ? "#" : even && day == 1 ? "O" : "\\");
                }
            }
        }
    }

    public static IEnumerable<string> Csv(string prefix) =>
        Marks(prefix).Select(m => $"{m.ChildKey},{m.Date},{m.Session},{m.Mark}").Prepend("child_key,date,session,mark");

    public static IEnumerable<string> Ndjson(string prefix) =>
        Marks(prefix).Select(m => System.Text.Json.JsonSerializer.Serialize(new { childKey = m.ChildKey, date = m.Date, session = m.Session, mark = m.Mark }));
}
