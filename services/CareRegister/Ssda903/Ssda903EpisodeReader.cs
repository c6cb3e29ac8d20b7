namespace Partnership.CareRegister.Ssda903;

/// <summary>
/// Reads the Episodes file with the row rules. Episodes are kept (compactly) in memory, grouped by child, because
/// the gap, overlap and cohort rules need a child's episodes in date order and returns are not reliably sorted.
/// </summary>
public static class Ssda903EpisodeReader
{
    public static async Task<Dictionary<Ssda903Child, List<Ssda903Episode>>> ReadAsync(
        Ssda903CsvFile file, Ssda903ImportState state, string fileName, CancellationToken ct)
    {
        var byChild = new Dictionary<Ssda903Child, List<Ssda903Episode>>(ReferenceEqualityComparer.Instance);
        var row = new Ssda903RowContext(state.Issues, fileName);
        var year = state.Year;
        while (await file.ReadAsync(ct))
        {
            row.Reset(file.Line);
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
                continue;
            }
            var homePostcode = file["HOME_POST"];
            var placementPostcode = file["PL_POST"];
            var locality = Ssda903PlacementLocality.Read(file, row, homePostcode, placementPostcode);
            if (!byChild.TryGetValue(child, out var list))
            {
                byChild[child] = list = [];
            }
            list.Add(new Ssda903Episode
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
            });
        }
        return byChild;
    }
}
