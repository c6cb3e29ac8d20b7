namespace Partnership.CareRegister.Ssda903;

/// <summary>
/// The rules across a child's episodes, and the OC2 cohort they decide.
/// Policy: an episode that starts before the previous one ended (overlap) is an error and is excluded; a gap after
/// an episode that ended with X1 ("a new episode began") is a warning and both episodes are kept.
/// </summary>
public static class Ssda903EpisodeRules
{
    /// <summary>
    /// Judges the first <paramref name="count"/> episodes of <paramref name="sorted"/> (sorted by child, start and line)
    /// child by child, and sorts them into kept and excluded lines; <paramref name="judged"/> gets each child once.
    /// </summary>
    public static void ApplyToRuns(List<Ssda903Episode> sorted, int count, Ssda903ImportState state, string fileName,
        List<Ssda903Child> judged, List<Ssda903Episode> kept, List<int> excluded)
    {
        judged.Clear();
        kept.Clear();
        excluded.Clear();
        for (var start = 0; start < count;)
        {
            var child = sorted[start].Child;
            var end = start;
            while (end < count && ReferenceEquals(sorted[end].Child, child))
            {
                end++;
            }
            var run = sorted.GetRange(start, end - start);
            Apply(child, run, state, fileName);
            judged.Add(child);
            foreach (var episode in run)
            {
                if (episode.Excluded)
                {
                    excluded.Add(episode.Line);
                }
                else
                {
                    kept.Add(episode);
                }
            }
            start = end;
        }
    }

    /// <summary>Judges one child's episodes, sorted by start then line; sets which are excluded and what they decide of the child.</summary>
    public static void Apply(Ssda903Child child, IReadOnlyList<Ssda903Episode> episodes, Ssda903ImportState state, string fileName)
    {
        Ssda903Episode? previous = null;
        foreach (var episode in episodes)
        {
            if (previous is not null)
            {
                if (previous.End is null || episode.Start < previous.End)
                {
                    episode.Excluded = true;
                    state.Issues.Add(new Ssda903Issue(fileName, episode.Line, "DECOM", Ssda903Rules.EpisodeOverlap, Ssda903Severity.Error,
                        $"Episode overlaps the child's episode on line {previous.Line}, which had not ended by this DECOM."));
                    continue;
                }
                if (previous.ReasonCeased == Ssda903Codes.EpisodeContinues && episode.Start > previous.End)
                {
                    state.Issues.Add(new Ssda903Issue(fileName, episode.Line, "DECOM", Ssda903Rules.EpisodeGap, Ssda903Severity.Warning,
                        $"Gap after the episode on line {previous.Line}: it ended with X1 (a new episode began) but this one starts later."));
                }
            }
            previous = episode;
        }

        var kept = episodes.Where(e => !e.Excluded).ToList();
        child.HasEpisode = kept.Count > 0;
        child.OnlyShortBreaks = kept.Count > 0 && kept.All(e => e.ShortBreak);
        child.Oc2Cohort = LookedAfterTwelveMonths(kept, state.Year);
        child.Chain = Ssda903CareChain.Of(kept);
    }

    /// <summary>
    /// Looked after at 31 March in a period of care (contiguous episodes, short breaks not counting) that began on or
    /// before 1 April of the year before: 12 months continuously.
    /// </summary>
    public static bool LookedAfterTwelveMonths(IReadOnlyList<Ssda903Episode> sortedEpisodes, Ssda903Year year)
    {
        var i = sortedEpisodes.Count - 1;
        if (i < 0 || sortedEpisodes[i].End is not null || sortedEpisodes[i].ShortBreak)
        {
            return false;
        }
        var periodStart = sortedEpisodes[i].Start;
        while (i > 0 && sortedEpisodes[i - 1].End == periodStart && !sortedEpisodes[i - 1].ShortBreak)
        {
            i--;
            periodStart = sortedEpisodes[i].Start;
        }
        return periodStart <= year.Start;
    }
}
