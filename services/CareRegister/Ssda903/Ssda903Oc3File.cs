using Partnership.ServiceDefaults.Persistence;
using Partnership.CareRegister.Data;
using Partnership.ServiceDefaults.Outbox;
using Partnership.Contracts.CareRegister.V1;

namespace Partnership.CareRegister.Ssda903;

public sealed record Ssda903Oc3Row(Ssda903Child Child, string InTouch, string? Activity, string? Accommodation, bool InCohort);

/// <summary>
/// OC3: care leavers whose 17th to 21st birthday fell in the year. The age reached at that birthday is the age at
/// 31 March; a row outside 17–21, or for a child only ever in short breaks, is kept with a not-in-cohort warning.
/// </summary>
public sealed class Ssda903Oc3File : Ssda903PublishingRowFile<Ssda903Oc3Row, Ssda903Oc3OutcomeImported>
{

    public override Ssda903FileKind Kind => Ssda903FileKind.Oc3;
    public override Ssda903SeenKeys Seen { get; } = new((short)Ssda903FileKind.Oc3);
    protected override string Table => "ssda903_oc3";
    protected override string[] Columns => ["in_touch", "activ", "accom", "age_in_year", "in_cohort"];

    public override Ssda903Oc3Row? Read(Ssda903CsvFile file, Ssda903RowContext row, Ssda903ImportState state)
    {
        var child = Ssda903Fields.KnownChild(file, row, state);
        Ssda903DateOfBirthCheck.AgainstHeader(file, row, child);
        if (child is not null && !Seen.Add(child.LocalId))
        {
            row.Error("CHILD", Ssda903Rules.DuplicateChild, "The child already has an OC3 row; the later row is excluded.");
        }
        var inTouch = Ssda903Fields.Code(file, row, "IN_TOUCH", Ssda903Codes.InTouch, required: true);
        var activity = Ssda903Fields.Code(file, row, "ACTIV", Ssda903Codes.Activity, required: false);
        var accommodation = Ssda903Fields.Code(file, row, "ACCOM", Ssda903Codes.Accommodation, required: false);
        if (child is null || inTouch is null)
        {
            return null;
        }
        var inCohort = child.AgeAtYearEnd is >= 17 and <= 21 && !(child.HasEpisode && child.OnlyShortBreaks);
        if (!row.Excluded && !inCohort)
        {
            row.Warning("DOB", Ssda903Rules.NotInCohort,
                "The care leaver's 17th to 21st birthday did not fall in the year, or their care was only short breaks.");
        }
        return new Ssda903Oc3Row(child, inTouch, activity, accommodation, inCohort);
    }

    public override Ssda903Child ChildOf(Ssda903Oc3Row row) => row.Child;

    public override void Write(BinaryCopyWriter copy, Ssda903Oc3Row row)
    {
        copy.Write(row.InTouch);
        copy.Write(row.Activity);
        copy.Write(row.Accommodation);
        copy.Write(row.Child.AgeAtYearEnd);
        copy.Write(row.InCohort);
    }

    protected override Ssda903Oc3OutcomeImported ToEvent(Ssda903Oc3Row row, Ssda903ImportState state) => new Ssda903Oc3OutcomeImported
    {
        EventId = Ssda903EventIds.Next(),
        OccurredAt = state.ImportedAt,
        SourceAgency = state.SourceAgency,
        ChildKey = row.Child.ChildKey,
        ImportId = state.ImportId,
        CollectionYear = state.Year.EndYear,
        AgeAtBirthdayInYear = row.Child.AgeAtYearEnd,
        InTouch = row.InTouch,
        Activity = row.Activity,
        Accommodation = row.Accommodation,
        InCohort = row.InCohort,
    };
}
