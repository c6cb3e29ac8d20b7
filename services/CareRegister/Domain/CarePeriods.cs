namespace Partnership.CareRegister.Domain;

/// <summary>
/// Periods of care: runs of episodes each of which ended with X1 on the day the next began. A child who left care and
/// came back has two periods.
/// </summary>
public static class CarePeriods
{
    public readonly record struct Period(DateOnly Start, DateOnly? End)
    {
        public bool Contains(DateOnly date) => date >= Start && (End is null || date <= End);
    }

    public static IReadOnlyList<Period> Of(Child child)
    {
        var periods = new List<Period>();
        CareEpisode? previous = null;
        DateOnly start = default;
        foreach (var episode in child.Episodes.OrderBy(e => e.Start))
        {
            if (previous is null || previous.ReasonCeased != "X1" || previous.End != episode.Start)
            {
                if (previous is not null)
                {
                    periods.Add(new Period(start, previous.End));
                }
                start = episode.Start;
            }
            previous = episode;
        }
        if (previous is not null)
        {
            periods.Add(new Period(start, previous.End));
        }
        return periods;
    }

    /// <summary>The period of care a date falls in, if any.</summary>
    public static Period? Containing(Child child, DateOnly date) =>
        Of(child).Where(p => p.Contains(date)).Select(p => (Period?)p).LastOrDefault();
}
