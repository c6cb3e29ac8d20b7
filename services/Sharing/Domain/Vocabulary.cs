namespace Partnership.Sharing.Domain;

// The numeric values match sharing.proto, so the gRPC layer converts by value.

/// <summary>The kinds of person-level data agencies share about a child.</summary>
public enum DataCategory
{
    HealthSummary = 1,
    SdqScores = 2,
    EducationAttendance = 3,
    Offending = 4,
    MissingEpisodes = 5,
    ExploitationRisk = 6,
    LeavingCareStatus = 7,
    Placement = 8,
}

public enum Purpose
{
    DirectCare = 1,
    Safeguarding = 2,
    CarePlanning = 3,
    StatutoryDuty = 4,
    AggregateMonitoring = 5,
}

/// <summary>UK GDPR Article 6 basis, with the Article 9 condition where the data is special category.</summary>
public enum LawfulBasis
{
    PublicTask = 1,
    LegalObligation = 2,
    PublicTaskHealthAndSocialCare = 3,
    PublicTaskSafeguarding = 4,
    Consent = 5,
}

public enum ConsentGiver
{
    YoungPerson = 1,
    ParentalResponsibility = 2,
    LocalAuthority = 3,
}

public enum Outcome
{
    Permit = 1,
    Deny = 2,
}

public static class LawfulBasisText
{
    public static string Describe(this LawfulBasis basis) => basis switch
    {
        LawfulBasis.PublicTask => "UK GDPR Art 6(1)(e) public task",
        LawfulBasis.LegalObligation => "UK GDPR Art 6(1)(c) legal obligation",
        LawfulBasis.PublicTaskHealthAndSocialCare => "UK GDPR Art 6(1)(e) public task; Art 9(2)(h) health and social care",
        LawfulBasis.PublicTaskSafeguarding =>
            "UK GDPR Art 6(1)(e) public task; Art 9(2)(g) with DPA 2018 Sch 1 para 18 (safeguarding of children)",
        LawfulBasis.Consent => "UK GDPR Art 6(1)(a) consent; Art 9(2)(a) explicit consent",
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, null),
    };

    /// <summary>Bases a safeguarding override may rest on: consent cannot justify sharing against a refusal.</summary>
    public static bool SuitsOverride(this LawfulBasis basis) =>
        basis is LawfulBasis.PublicTaskSafeguarding or LawfulBasis.LegalObligation or LawfulBasis.PublicTask;
}
