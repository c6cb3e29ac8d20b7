namespace Partnership.Sharing.Routing;

/// <summary>
/// Statutory deadlines counted in working days. Bank holidays and school terms are not known here, so the dates are
/// the earliest the deadline can fall: a reminder, never a late one.
/// </summary>
public static class WorkingDays
{
    public static DateOnly Add(DateOnly start, int days)
    {
        var day = start;
        while (days > 0)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days--;
            }
        }
        return day;
    }
}
