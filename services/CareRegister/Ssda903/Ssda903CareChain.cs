namespace Partnership.CareRegister.Ssda903;

/// <summary>
/// A child's latest period of care as far as the return shows it (the kept episodes linked by X1 back from the last),
/// with the dates the adoption milestones are read from. Earlier returns may extend it back: see
/// <see cref="Ssda903AdoptionMilestones"/>.
/// </summary>
public sealed class Ssda903CareChain
{
    public DateOnly PeriodStart { get; set; }
    /// <summary>The earliest episode held started the period (RNE S), so <see cref="PeriodStart"/> is the date of entry to care.</summary>
    public bool StartsWithEntry { get; set; }
    public DateOnly? PlacementOrderOn { get; set; }
    public DateOnly? PlacedForAdoptionOn { get; set; }
    public DateOnly? AdoptedOn { get; set; }
    /// <summary>The Episodes line of the episode that ended in adoption, for the report.</summary>
    public int? AdoptedLine { get; set; }

    /// <summary>Reads the chain back from the last of a child's kept episodes (sorted by start).</summary>
    public static Ssda903CareChain? Of(IReadOnlyList<Ssda903Episode> sortedKept)
    {
        if (sortedKept.Count == 0)
        {
            return null;
        }
        var last = sortedKept[^1];
        var chain = new Ssda903CareChain();
        if (last.ReasonCeased is { } rec && Ssda903Codes.Adopted.Contains(rec))
        {
            chain.AdoptedOn = last.End;
            chain.AdoptedLine = last.Line;
        }
        var i = sortedKept.Count - 1;
        while (true)
        {
            chain.Include(sortedKept[i].Start, sortedKept[i].ReasonNewEpisode, sortedKept[i].LegalStatus, sortedKept[i].Placement);
            if (chain.StartsWithEntry || i == 0 || sortedKept[i - 1].ReasonCeased != Ssda903Codes.EpisodeContinues || sortedKept[i - 1].End != sortedKept[i].Start)
            {
                return chain;
            }
            i--;
        }
    }

    /// <summary>Takes in an episode that precedes (or begins) the chain: the earliest order and placement win.</summary>
    public void Include(DateOnly start, string reasonNewEpisode, string legalStatus, string placement)
    {
        PeriodStart = start;
        StartsWithEntry = reasonNewEpisode == "S";
        if (Ssda903Codes.PlacementOrderLegalStatus.Contains(legalStatus))
        {
            PlacementOrderOn = start;
        }
        if (Ssda903Codes.PlacedForAdoption.Contains(placement))
        {
            PlacedForAdoptionOn = start;
        }
    }
}
