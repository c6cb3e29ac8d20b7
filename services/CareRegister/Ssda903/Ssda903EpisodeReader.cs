using Partnership.ServiceDefaults.Persistence;

namespace Partnership.CareRegister.Ssda903;

/// <summary>
/// Reads the Episodes file with the row rules, a batch at a time, and COPYs the episodes that pass them into
/// ssda903_episodes. The gap, overlap and cohort rules need a child's episodes in date order and returns are not
/// reliably sorted, so they run afterwards on the rule columns read back sorted by child
/// (<see cref="Ssda903EpisodeStream"/>), which deletes the episodes they exclude.
/// </summary>
public static class Ssda903EpisodeReader
{
    public static async Task WriteAsync(Ssda903CsvFile file, Ssda903Staging staging, Ssda903ImportState state, string fileName, CancellationToken ct)
    {
        var row = new Ssda903RowContext(state.Issues, fileName);
        var passed = new List<Ssda903Episode>();
        while (await file.ReadBatchAsync(Ssda903Importer.BatchSize, ct) is var count and > 0)
        {
            state.Children = await staging.ChildrenAsync(file.BatchValues("CHILD"), ct);
            passed.Clear();
            for (var i = 0; i < count; i++)
            {
                file.Select(i);
                row.Reset(file.Line);
                if (Read(file, row, state) is { } episode)
                {
                    passed.Add(episode);
                }
            }
            await WriteEpisodesAsync(staging.Connection, state, passed, ct);
        }
        state.Children = new(StringComparer.Ordinal);
    }

    internal static Ssda903Episode? Read(Ssda903CsvFile file, Ssda903RowContext row, Ssda903ImportState state)
    {
        var year = state.Year;
        var child = Ssda903Fields.KnownChild(file, row, state);
        var start = Ssda903Fields.Date(file, row, "DECOM", required: true);
        var end = Ssda903Fields.Date(file, row, "DEC", required: false);
        var rne = Ssda903Fields.Code(file, row, "RNE", Ssda903Codes.ReasonNewEpisode, required: true);
        var ls = Ssda903Fields.Code(file, row, "LS", Ssda903Codes.LegalStatus, required: true);
        var cin = Ssda903Fields.Code(file, row, "CIN", Ssda903Codes.CategoryOfNeed, required: false, invalidIsError: false);
        var place = Ssda903Fields.Code(file, row, "PLACE", Ssda903Codes.Placement, required: true);
        var provider = Ssda903Fields.Code(file, row, "PLACE_PROVIDER", Ssda903Codes.PlacementProvider, required: false, invalidIsError: false);
        var rec = Ssda903Fields.Code(file, row, "REC", Ssda903Codes.ReasonCeased, required: false);
        var rpc = Ssda903Fields.Code(file, row, "REASON_PLACE_CHANGE", Ssda903Codes.ReasonPlaceChange, required: false, invalidIsError: false);

        if (start is { } s && s > year.End)
        {
            row.Error("DECOM", Ssda903Rules.DateOutOfYear, "DECOM is after the end of the collection year.");
        }
        if (end is { } e)
        {
            if (start is { } s2 && e < s2)
            {
                row.Error("DEC", Ssda903Rules.EndBeforeStart, "DEC is before DECOM.");
            }
            if (e > year.End)
            {
                row.Error("DEC", Ssda903Rules.DateOutOfYear, "DEC is after the end of the collection year.");
            }
            else if (e < year.Start)
            {
                row.Error("DEC", Ssda903Rules.DateOutOfYear, "DEC is before the start of the collection year: the episode does not belong in this return.");
            }
        }
        if (file["DEC"] is null != (file["REC"] is null))
        {
            row.Error(end is null ? "DEC" : "REC", Ssda903Rules.CeasedReasonMismatch, "DEC and REC must both be given or both be blank.");
        }
        if (child is not null && start is not null && start < child.DateOfBirth)
        {
            row.Error("DECOM", Ssda903Rules.EndBeforeStart, "DECOM is before the child's date of birth.");
        }

        if (row.Excluded || child is null || start is null || rne is null || ls is null || place is null)
        {
            return null;
        }
        var homePostcode = file["HOME_POST"];
        var placementPostcode = file["PL_POST"];
        var locality = Ssda903PlacementLocality.Read(file, row, homePostcode, placementPostcode);
        return new Ssda903Episode
        {
            Line = row.Row,
            Child = child,
            Start = start.Value,
            End = end,
            ReasonNewEpisode = rne,
            LegalStatus = ls,
            CategoryOfNeed = cin,
            Placement = place,
            ProviderCode = provider is not null && Ssda903Codes.PlacementProvider.Contains(provider) ? provider : null,
            ReasonCeased = rec,
            ReasonPlaceChange = rpc,
            HomePostcode = homePostcode,
            PlacementPostcode = placementPostcode,
            Urn = file["URN"],
            Miles = locality.Miles,
            WithinTwentyMiles = locality.WithinTwentyMiles,
        };
    }

    /// <summary>Episodes into ssda903_episodes (by one path before their cross-episode rules, which delete the few they exclude).</summary>
    internal static async Task WriteEpisodesAsync(Npgsql.NpgsqlConnection connection, Ssda903ImportState state, IReadOnlyList<Ssda903Episode> episodes,
        CancellationToken ct)
    {
        if (episodes.Count == 0)
        {
            return;
        }
        await using var copy = await BinaryCopyWriter.BeginAsync(connection, "ssda903_episodes",
            [.. Ssda903YearWriter.CommonColumns, "decom", "rne", "ls", "cin", "place", "place_provider", "dec", "rec", "reason_place_change",
                "home_post", "pl_post", "urn", "short_break", "pl_distance", "within_20_miles"], ct);
        foreach (var episode in episodes)
        {
            Ssda903YearWriter.WriteCommon(copy, state, episode.Line, episode.Child);
            copy.Write(episode.Start);
            copy.Write(episode.ReasonNewEpisode);
            copy.Write(episode.LegalStatus);
            copy.Write(episode.CategoryOfNeed);
            copy.Write(episode.Placement);
            copy.Write(episode.ProviderCode);
            copy.Write(episode.End);
            copy.Write(episode.ReasonCeased);
            copy.Write(episode.ReasonPlaceChange);
            copy.Write(Ssda903YearWriter.Truncate(episode.HomePostcode, 8));
            copy.Write(Ssda903YearWriter.Truncate(episode.PlacementPostcode, 8));
            copy.Write(Ssda903YearWriter.Truncate(episode.Urn, 10));
            copy.Write(episode.ShortBreak);
            copy.Write(episode.Miles);
            copy.Write(episode.WithinTwentyMiles);
        }
        await copy.CompleteAsync(ct);
    }
}
