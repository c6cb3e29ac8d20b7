using Partnership.ServiceDefaults.Persistence;

namespace Partnership.CareRegister.Ssda903;

public sealed record Ssda903PlacedForAdoptionRow(Ssda903Child Child, DateOnly DecidedOn, DateOnly? CeasedOn, string? ReasonCeased);

/// <summary>
/// Placed for adoption ("should be placed"): each decision that a child should be placed for adoption (DATE_PLACED)
/// and, when it was reversed, the date and reason (DATE_PLACED_CEASED, REASON_PLACED_CEASED RD1–RD4). A child can have
/// more than one decision; the same decision twice is a duplicate.
/// </summary>
public sealed class Ssda903PlacedForAdoptionFile : Ssda903RowFile<Ssda903PlacedForAdoptionRow>
{

    public override Ssda903FileKind Kind => Ssda903FileKind.PlacedForAdoption;
    public override Ssda903SeenKeys Seen { get; } = new((short)Ssda903FileKind.PlacedForAdoption);
    protected override string Table => "ssda903_placed_adoption";
    protected override string[] Columns => ["date_placed", "date_placed_ceased", "reason_placed_ceased"];

    public override Ssda903PlacedForAdoptionRow? Read(Ssda903CsvFile file, Ssda903RowContext row, Ssda903ImportState state)
    {
        var child = Ssda903Fields.KnownChild(file, row, state);
        Ssda903DateOfBirthCheck.AgainstHeader(file, row, child);
        var decided = Ssda903Fields.Date(file, row, "DATE_PLACED", required: true);
        var ceased = Ssda903Fields.Date(file, row, "DATE_PLACED_CEASED", required: false);
        var reason = Ssda903Fields.Code(file, row, "REASON_PLACED_CEASED", Ssda903Codes.ReasonPlacedCeased, required: false);
        if (child is not null && decided is { } key && !Seen.Add(child.LocalId, Ssda903Year.FormatDate(key)))
        {
            row.Error("DATE_PLACED", Ssda903Rules.DuplicateChild, "The child already has a row for this decision; the later row is excluded.");
        }
        foreach (var (column, date) in new[] { ("DATE_PLACED", decided), ("DATE_PLACED_CEASED", ceased) })
        {
            if (date is { } d && d > state.Year.End)
            {
                row.Error(column, Ssda903Rules.DateOutOfYear, $"{column} is after the end of the collection year.");
            }
        }
        if (decided is { } from && ceased is { } to && to < from)
        {
            row.Error("DATE_PLACED_CEASED", Ssda903Rules.EndBeforeStart, "DATE_PLACED_CEASED is before DATE_PLACED.");
        }
        if (file["DATE_PLACED_CEASED"] is null != (file["REASON_PLACED_CEASED"] is null))
        {
            row.Error(ceased is null ? "DATE_PLACED_CEASED" : "REASON_PLACED_CEASED", Ssda903Rules.CeasedReasonMismatch,
                "DATE_PLACED_CEASED and REASON_PLACED_CEASED must both be given or both be blank.");
        }
        return child is null || decided is null ? null : new Ssda903PlacedForAdoptionRow(child, decided.Value, ceased, reason);
    }

    public override Ssda903Child ChildOf(Ssda903PlacedForAdoptionRow row) => row.Child;

    public override void Write(BinaryCopyWriter copy, Ssda903PlacedForAdoptionRow row)
    {
        copy.Write(row.DecidedOn);
        copy.Write(row.CeasedOn);
        copy.Write(row.ReasonCeased);
    }

    public override void Kept(Ssda903PlacedForAdoptionRow row, int line, Ssda903ImportState state)
    {
        var record = state.AdoptionOf(row.Child);
        record.PlacedLine ??= line;
        if (record.ShouldBePlacedOn is not { } latest || row.DecidedOn > latest)
        {
            record.ShouldBePlacedOn = row.DecidedOn;
        }
        if (row.CeasedOn is { } ceased && (record.RevokedOn is not { } revoked || ceased > revoked))
        {
            record.RevokedOn = ceased;
        }
    }
}
