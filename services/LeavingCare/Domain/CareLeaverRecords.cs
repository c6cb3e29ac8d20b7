using Partnership.Contracts.LeavingCare.V1;
using Partnership.ServiceDefaults.Persistence;

namespace Partnership.LeavingCare.Domain;

/// <summary>SSDA903 leaving care status of a young person the service supports.</summary>
public enum CareLeaverCategory
{
    Eligible = 1,
    Relevant = 2,
    FormerRelevant = 3,
    Qualifying = 4,
}

/// <summary>
/// A young person the leaving care service supports. The date of birth stays here, to work out ages and birthday
/// windows; events carry only whole years.
/// </summary>
public sealed class CareLeaver : AgencyRecord
{
    public DateOnly DateOfBirth { get; set; }
    public CareLeaverCategory Category { get; set; }
}

/// <summary>Every fact about a care leaver records their age in whole years on the date it is about.</summary>
public abstract class CareLeaverRecord : AgencyRecord
{
    public int AgeYears { get; set; }
}

public sealed class CareLeaverContact : CareLeaverRecord
{
    public DateOnly ContactOn { get; set; }
    public InTouchStatus InTouch { get; set; }
    public bool WithinBirthdayWindow { get; set; }
}

public sealed class CareLeaverActivity : CareLeaverRecord
{
    public DateOnly RecordedOn { get; set; }
    public required string ActivityCode { get; set; }
    public bool InEducationEmploymentOrTraining { get; set; }
    public bool InHigherEducation { get; set; }
}

public sealed class CareLeaverAccommodation : CareLeaverRecord
{
    public DateOnly RecordedOn { get; set; }
    public required string AccommodationCode { get; set; }
    public required string AccommodationType { get; set; }
    public bool Suitable { get; set; }
}

/// <summary>A Staying Put arrangement: the young person stays with their former foster carers after 18, up to 21.</summary>
public sealed class StayingPutArrangement : CareLeaverRecord
{
    public DateOnly StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
}

public sealed class PathwayPlan : CareLeaverRecord
{
    public DateOnly CompletedOn { get; set; }
    public DateOnly? AuthorisedOn { get; set; }
}

public sealed class PersonalAdviserAllocation : CareLeaverRecord
{
    public DateOnly AllocatedOn { get; set; }
}

/// <summary>The young person started the Independent Living Skills Programme booklet.</summary>
public sealed class LivingSkillsProgramme : CareLeaverRecord
{
    public DateOnly StartedOn { get; set; }
}
