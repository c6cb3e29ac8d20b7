using Partnership.Contracts.CareRegister.V1;

namespace Partnership.CareRegister.Domain;

/// <summary>
/// The changes of a child's care status, kept as SSDA903 episodes: every change of placement or legal status ends
/// the open episode with X1 and starts the next. Each returns null on success or why the change does not apply.
/// </summary>
public static class CareTransitions
{
    public static string? EnterCare(this Child child, DateOnly on, string legalStatus, string placement, PlacementProvider? provider, PlacementSite site)
    {
        if (child.OpenEpisode is not null)
        {
            return "The child is already in care.";
        }
        if (child.Episodes.Any(e => e.End > on))
        {
            return "The child's previous period of care ended after this date.";
        }
        child.Episodes.Add(NewEpisode(child, on, "S", legalStatus, placement, provider, site, null));
        return null;
    }

    public static string? ChangePlacement(this Child child, DateOnly on, string placement, PlacementProvider? provider, PlacementSite site, string? reason)
    {
        if (child.OpenEpisode is not { } open)
        {
            return "The child is not in care.";
        }
        if (on < open.Start)
        {
            return "The change is dated before the current episode began.";
        }
        open.End = on;
        open.ReasonCeased = "X1";
        child.Episodes.Add(NewEpisode(child, on, "P", open.LegalStatus, placement, provider, site, reason));
        return null;
    }

    public static string? ChangeLegalStatus(this Child child, DateOnly on, string legalStatus)
    {
        if (child.OpenEpisode is not { } open)
        {
            return "The child is not in care.";
        }
        if (on < open.Start)
        {
            return "The change is dated before the current episode began.";
        }
        open.End = on;
        open.ReasonCeased = "X1";
        child.Episodes.Add(NewEpisode(child, on, "L", legalStatus, open.PlacementType, open.Provider,
            new PlacementSite(open.HomePostcode, open.PlacementPostcode, open.WithinTwentyMiles), null));
        return null;
    }

    public static string? CeaseCare(this Child child, DateOnly on, string reasonCode)
    {
        if (child.OpenEpisode is not { } open)
        {
            return "The child is not in care.";
        }
        if (on < open.Start)
        {
            return "Care cannot cease before the current episode began.";
        }
        open.End = on;
        open.ReasonCeased = reasonCode;
        return null;
    }

    /// <summary>
    /// Statutory review timetable: the first review within 20 working days of entering care, the second within three
    /// months of the first, then every six months.
    /// </summary>
    public static DateOnly? NextReviewDue(this Child child)
    {
        if (child.OpenEpisode is null)
        {
            return null;
        }
        var periodStart = CurrentPeriodStart(child);
        var held = child.Reviews.Where(r => r.HeldOn >= periodStart).OrderBy(r => r.HeldOn).ToList();
        return held.Count switch
        {
            0 => AddWorkingDays(periodStart, 20),
            1 => held[0].HeldOn.AddMonths(3),
            _ => held[^1].HeldOn.AddMonths(6),
        };
    }

    private static DateOnly CurrentPeriodStart(Child child)
    {
        var ordered = child.Episodes.OrderBy(e => e.Start).ToList();
        var i = ordered.Count - 1;
        while (i > 0 && ordered[i - 1].ReasonCeased == "X1" && ordered[i - 1].End == ordered[i].Start)
        {
            i--;
        }
        return ordered[i].Start;
    }

    private static DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var date = from;
        while (days > 0)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days--;
            }
        }
        return date;
    }

    private static CareEpisode NewEpisode(Child child, DateOnly on, string reason, string legalStatus, string placement,
        PlacementProvider? provider, PlacementSite site, string? reasonPlaceChange) => new()
    {
        Id = Guid.CreateVersion7(),
        ChildId = child.Id,
        Start = on,
        ReasonNewEpisode = reason,
        LegalStatus = legalStatus,
        PlacementType = placement,
        Provider = provider,
        HomePostcode = site.HomePostcode,
        PlacementPostcode = site.PlacementPostcode,
        WithinTwentyMiles = site.WithinTwentyMiles,
        ReasonPlaceChange = reasonPlaceChange,
    };
}
