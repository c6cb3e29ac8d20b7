using Partnership.Contracts.VirtualSchool.V1;
using Partnership.ServiceDefaults.Persistence;

namespace Partnership.VirtualSchool.Domain;

/// <summary>A fixed-term or permanent exclusion, in sessions lost.</summary>
public sealed class Exclusion : AgencyRecord
{
    public ExclusionType Type { get; set; }
    public DateOnly StartDate { get; set; }
    public decimal Sessions { get; set; }
}

/// <summary>
/// A completed Personal Education Plan. Due 20 school days after entering care, then each term; the school calendar
/// lives in the virtual school's system, so the caller sends the due date it worked out.
/// </summary>
public sealed class PersonalEducationPlan : AgencyRecord
{
    public PepReason Reason { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly CompletedOn { get; set; }
    public PepQuality? Quality { get; set; }

    public bool OnTime => CompletedOn <= DueOn;
}

public enum PepReason
{
    EnteredCare = 1,
    TermlyReview = 2,
}

/// <summary>A key stage result for a child in care (indicator 2.2 counts key stage 4 for children looked after 12 months at 31 March).</summary>
public sealed class AttainmentResult : AgencyRecord
{
    public int AcademicYear { get; set; }
    public int KeyStage { get; set; }
    public bool FiveOrMoreAToC { get; set; }
    public bool FiveOrMoreAToCIncludingEnglishAndMaths { get; set; }
    public bool LookedAfterTwelveMonthsAt31March { get; set; }
}

/// <summary>A school admission, timed in school days from request to admission (indicator 2.3: within 20).</summary>
public sealed class SchoolAdmission : AgencyRecord
{
    public const int TargetSchoolDays = 20;

    public DateOnly RequestedOn { get; set; }
    public DateOnly AdmittedOn { get; set; }
    public int SchoolDaysTaken { get; set; }

    public bool WithinTarget => SchoolDaysTaken <= TargetSchoolDays;
}

/// <summary>A change of school (indicator 6.4), and whether it followed a change of placement.</summary>
public sealed class SchoolMove : AgencyRecord
{
    public DateOnly MovedOn { get; set; }
    public bool FollowedPlacementMove { get; set; }
}

/// <summary>Whether a young person of 16–18 was not in education, employment or training on a date.</summary>
public sealed class NeetStatus : AgencyRecord
{
    public DateOnly RecordedOn { get; set; }
    public int AgeYears { get; set; }
    public bool Neet { get; set; }
}
