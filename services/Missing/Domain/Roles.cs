namespace Partnership.Missing.Domain;

// Roles, not people: who reported, found or interviewed a child travels in events, so it must never be a name.

public enum ReporterRole
{
    Carer = 1,
    ResidentialStaff = 2,
    SocialWorker = 3,
    Police = 4,
    School = 5,
    Family = 6,
    Other = 7,
}

public enum FinderRole
{
    Police = 1,
    Carer = 2,
    Family = 3,
    SelfReturned = 4,
    SocialWorker = 5,
    Other = 6,
}

public enum InterviewerRole
{
    MissingTeam = 1,
    SocialWorker = 2,
    IndependentAdvocate = 3,
    Police = 4,
    Other = 5,
}
