using Partnership.ServiceDefaults.Persistence;

namespace Partnership.CareRegister.Ssda903;

public sealed record Ssda903ReviewRow(Ssda903Child Child, DateOnly Review, string? ParticipationCode);

/// <summary>Reviews: CiC review dates in the year and the child's participation (PN0–PN7).</summary>
public sealed class Ssda903ReviewsFile : Ssda903RowFile<Ssda903ReviewRow>
{
    public override Ssda903FileKind Kind => Ssda903FileKind.Reviews;
    protected override string Table => "ssda903_reviews";
    protected override string[] Columns => ["review", "review_code"];

    public override Ssda903ReviewRow? Read(Ssda903CsvFile file, Ssda903RowContext row, Ssda903ImportState state)
    {
        var child = Ssda903Fields.KnownChild(file, row, state);
        var review = Ssda903Fields.Date(file, row, "REVIEW", required: true);
        var code = Ssda903Fields.Code(file, row, "REVIEW_CODE", Ssda903Codes.ReviewParticipation, required: false);
        if (review is { } r && !state.Year.Contains(r))
        {
            row.Error("REVIEW", Ssda903Rules.DateOutOfYear, "REVIEW is outside the collection year.");
        }
        return child is null || review is null ? null : new Ssda903ReviewRow(child, review.Value, code);
    }

    public override Ssda903Child ChildOf(Ssda903ReviewRow row) => row.Child;

    public override void Write(BinaryCopyWriter copy, Ssda903ReviewRow row)
    {
        copy.Write(row.Review);
        copy.Write(row.ParticipationCode);
    }
}
