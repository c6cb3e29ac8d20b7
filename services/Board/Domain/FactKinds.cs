namespace Partnership.Board.Domain;

/// <summary>
/// The kinds of <see cref="ChildFact"/> and the meaning of their generic columns. The measures' SQL relies on these
/// meanings, so a change here is a change to every indicator that reads the kind.
/// </summary>
public static class FactKinds
{
    // Care register. Key: child|date unless noted.
    /// <summary>On = entered care; Code = legal status; Code2 = placement type; Number = provider; Flag = within 20 miles; Number2 = age.</summary>
    public const string CareEntered = "CareEntered";
    /// <summary>On = changed on; Code2 = placement type; Number = provider; Flag = within 20 miles; Code = reason.</summary>
    public const string PlacementChanged = "PlacementChanged";
    /// <summary>On = changed on; Code = legal status.</summary>
    public const string LegalStatusChanged = "LegalStatusChanged";
    /// <summary>On = ceased on; Code = SSDA903 REC reason.</summary>
    public const string CareCeased = "CareCeased";
    /// <summary>On = date; Number = care leaver category (1 eligible … 4 qualifying).</summary>
    public const string BecameCareLeaver = "BecameCareLeaver";
    /// <summary>On = held on; OtherDate = due on; Code = participation code (PN0 = did not participate).</summary>
    public const string ReviewHeld = "ReviewHeld";
    /// <summary>Key: child|milestone. On = milestone date; OtherDate = entered care; Number = milestone.</summary>
    public const string Adoption = "Adoption";
    /// <summary>Key: child. On = started on (from the care register's or the leaving care service's event).</summary>
    public const string LivingSkills = "LivingSkills";

    // SSDA903 returns. Key: import|child[|start]. Number = collection year (by its end); ImportId = the import.
    /// <summary>On = start; OtherDate = end; Code = legal status; Code2 = placement; Code3 = reason ceased; Number2 = age at year end; Number3 = provider; Flag = within 20 miles.</summary>
    public const string Ssda903Episode = "Ssda903Episode";
    /// <summary>On = 31 March of the year; Number2 = age; Flag = health assessment up to date; Flag2 = convicted; Flag3 = teeth checked; Number3 = SDQ.</summary>
    public const string Oc2 = "Oc2";
    /// <summary>On = 31 March of the year; Number2 = age at birthday; Code = in touch; Code2 = activity; Code3 = accommodation.</summary>
    public const string Oc3 = "Oc3";

    public static readonly IReadOnlyList<string> Ssda903 = [Ssda903Episode, Oc2, Oc3];

    // Health.
    /// <summary>On = checked on; Flag = registered with a dentist.</summary>
    public const string DentalCheck = "DentalCheck";
    /// <summary>Key: child|milestone. On = recorded on; Number = milestone; Number2 = age; Flag = up to date.</summary>
    public const string Immunisation = "Immunisation";
    /// <summary>On = recorded on; Flag = registered.</summary>
    public const string GpRegistration = "GpRegistration";
    /// <summary>On = completed on; Number = score; Number2 = age; Flag = receiving therapeutic support.</summary>
    public const string Sdq = "Sdq";
    /// <summary>Key: referral|stage. On = date; Number = stage (1 referred, 2 offered, 3 completed); Code = referral id.</summary>
    public const string Camhs = "Camhs";
    /// <summary>On = identified on; Flag = intervention offered; Flag2 = received.</summary>
    public const string SubstanceMisuse = "SubstanceMisuse";

    // Virtual school.
    /// <summary>Key: child|week. On = week starting; Number = possible sessions; Number2 = authorised; Number3 = unauthorised absences.</summary>
    public const string AttendanceWeek = "AttendanceWeek";
    /// <summary>Key: exclusion id. On = start; Number = type; Number2 = sessions (rounded up).</summary>
    public const string Exclusion = "Exclusion";
    /// <summary>Key: PEP id. On = completed on; OtherDate = due on; Number = quality.</summary>
    public const string PepCompleted = "PepCompleted";
    /// <summary>Key: child|year|stage. On = 31 March of the academic year's end; Number = key stage; Flag = 5+ A*-C; Flag2 = incl. English and maths; Flag3 = looked after 12 months.</summary>
    public const string Attainment = "Attainment";
    /// <summary>Key: child|requested. On = admitted on; OtherDate = requested on; Number = school days taken.</summary>
    public const string SchoolAdmission = "SchoolAdmission";
    /// <summary>On = moved on; Flag = followed a placement move.</summary>
    public const string SchoolMove = "SchoolMove";
    /// <summary>On = recorded on; Flag = NEET; Number2 = age.</summary>
    public const string Neet = "Neet";

    // Youth justice.
    /// <summary>Key: outcome id. On = outcome date; Number = outcome type; Number2 = age at offence; Flag = first-time entrant.</summary>
    public const string OffenceOutcome = "OffenceOutcome";

    // Missing. Key: episode id.
    /// <summary>On = started (date); Number = type; Number3 = risk.</summary>
    public const string MissingStarted = "MissingStarted";
    /// <summary>On = ended (date); OtherDate = started (date).</summary>
    public const string MissingEnded = "MissingEnded";
    /// <summary>On = returned (date); OtherDate = completed on; Flag = accepted; Flag2 = offered within 72 hours; Number = concern.</summary>
    public const string ReturnInterview = "ReturnInterview";
    /// <summary>Key: referral id. On = raised on; Number = concern (1 sexual, 2 criminal exploitation).</summary>
    public const string ExploitationReferral = "ExploitationReferral";

    // Leaving care.
    /// <summary>On = contact on; Number = in-touch status; Number2 = age.</summary>
    public const string CareLeaverContact = "CareLeaverContact";
    /// <summary>On = recorded on; Code = ACTIV code; Flag = in EET; Flag2 = in higher education; Number2 = age.</summary>
    public const string CareLeaverActivity = "CareLeaverActivity";
    /// <summary>On = recorded on; Code = ACCOM type; Flag = suitable; Number2 = age.</summary>
    public const string CareLeaverAccommodation = "CareLeaverAccommodation";
    /// <summary>On = date; Flag = in Staying Put.</summary>
    public const string StayingPut = "StayingPut";
    /// <summary>Key: plan id. On = completed on; OtherDate = authorised on; Number2 = age.</summary>
    public const string PathwayPlan = "PathwayPlan";
    /// <summary>On = allocated on.</summary>
    public const string PersonalAdviser = "PersonalAdviser";
}
