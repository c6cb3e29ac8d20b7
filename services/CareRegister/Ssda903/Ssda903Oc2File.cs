using Partnership.ServiceDefaults.Persistence;
using Partnership.CareRegister.Data;
using Partnership.ServiceDefaults.Outbox;
using Partnership.Contracts.CareRegister.V1;

namespace Partnership.CareRegister.Ssda903;

public sealed record Ssda903Oc2Row(
    Ssda903Child Child, int? SdqScore, string? SdqReason, bool? Convicted, bool? HealthCheck, bool? Immunisations,
    bool? TeethCheck, bool? HealthAssessment, bool? SubstanceMisuse, bool? InterventionReceived, bool? InterventionOffered);

/// <summary>
/// OC2: outcomes of children looked after continuously for 12 months at 31 March. A row for a child the episodes
/// do not put in that cohort is kept with a not-in-cohort warning and published with InCohort = false.
/// </summary>
public sealed class Ssda903Oc2File : Ssda903PublishingRowFile<Ssda903Oc2Row, Ssda903Oc2OutcomeImported>
{

    public override Ssda903FileKind Kind => Ssda903FileKind.Oc2;
    public override Ssda903SeenKeys Seen { get; } = new((short)Ssda903FileKind.Oc2);
    protected override string Table => "ssda903_oc2";
    protected override string[] Columns =>
    [
        "sdq_score", "sdq_reason", "convicted", "health_check", "immunisations", "teeth_check", "health_assessment",
        "substance_misuse", "intervention_received", "intervention_offered", "age_at_year_end", "in_cohort",
    ];

    public override Ssda903Oc2Row? Read(Ssda903CsvFile file, Ssda903RowContext row, Ssda903ImportState state)
    {
        var child = Ssda903Fields.KnownChild(file, row, state);
        Ssda903DateOfBirthCheck.AgainstHeader(file, row, child);
        if (child is not null && !Seen.Add(child.LocalId))
        {
            row.Error("CHILD", Ssda903Rules.DuplicateChild, "The child already has an OC2 row; the later row is excluded.");
        }
        var result = new Ssda903Oc2Row(
            child!,
            Ssda903Fields.Number(file, row, "SDQ_SCORE", 0, 40),
            Ssda903Fields.Code(file, row, "SDQ_REASON", Ssda903Codes.SdqReason, required: false),
            Ssda903Fields.Flag(file, row, "CONVICTED"),
            Ssda903Fields.Flag(file, row, "HEALTH_CHECK"),
            Ssda903Fields.Flag(file, row, "IMMUNISATIONS"),
            Ssda903Fields.Flag(file, row, "TEETH_CHECK"),
            Ssda903Fields.Flag(file, row, "HEALTH_ASSESSMENT"),
            Ssda903Fields.Flag(file, row, "SUBSTANCE_MISUSE"),
            Ssda903Fields.Flag(file, row, "INTERVENTION_RECEIVED"),
            Ssda903Fields.Flag(file, row, "INTERVENTION_OFFERED"));
        if (child is not null && !row.Excluded && !child.Oc2Cohort)
        {
            row.Warning("CHILD", Ssda903Rules.NotInCohort,
                "By the Episodes file the child was not looked after continuously for 12 months at 31 March (short breaks excluded).");
        }
        return child is null ? null : result;
    }

    public override Ssda903Child ChildOf(Ssda903Oc2Row row) => row.Child;

    public override void Write(BinaryCopyWriter copy, Ssda903Oc2Row row)
    {
        copy.Write(row.SdqScore is { } s ? (short)s : (short?)null);
        copy.Write(row.SdqReason);
        foreach (var flag in new[] { row.Convicted, row.HealthCheck, row.Immunisations, row.TeethCheck, row.HealthAssessment, row.SubstanceMisuse, row.InterventionReceived, row.InterventionOffered })
        {
            copy.Write(flag);
        }
        copy.Write(row.Child.AgeAtYearEnd);
        copy.Write(row.Child.Oc2Cohort);
    }

    protected override Ssda903Oc2OutcomeImported ToEvent(Ssda903Oc2Row row, Ssda903ImportState state) => new Ssda903Oc2OutcomeImported
    {
        EventId = Ssda903EventIds.Next(),
        OccurredAt = state.ImportedAt,
        SourceAgency = state.SourceAgency,
        ChildKey = row.Child.ChildKey,
        ImportId = state.ImportId,
        CollectionYear = state.Year.EndYear,
        AgeAtYearEnd = row.Child.AgeAtYearEnd,
        HealthAssessmentUpToDate = row.HealthAssessment,
        ImmunisationsUpToDate = row.Immunisations,
        TeethChecked = row.TeethCheck,
        DevelopmentCheckUpToDate = row.HealthCheck,
        SdqScore = row.SdqScore,
        Convicted = row.Convicted,
        SubstanceMisuse = row.SubstanceMisuse,
        InCohort = row.Child.Oc2Cohort,
    };
}
