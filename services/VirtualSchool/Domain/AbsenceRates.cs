namespace Partnership.VirtualSchool.Domain;

/// <summary>
/// Absence as the DfE measures it: sessions missed over possible sessions. A child is persistently absent when they
/// miss 10% or more of their possible sessions.
/// </summary>
public readonly record struct AbsenceRates(int PossibleSessions, int AuthorisedAbsences, int UnauthorisedAbsences)
{
    public const decimal PersistentAbsenceThresholdPercent = 10m;

    public int Absences => AuthorisedAbsences + UnauthorisedAbsences;
    public decimal OverallPercent => Percent(Absences);
    public decimal AuthorisedPercent => Percent(AuthorisedAbsences);
    public decimal UnauthorisedPercent => Percent(UnauthorisedAbsences);

    // Compared in whole sessions so 10.0% exactly counts, whatever the rounding of the displayed percentage.
    public bool PersistentlyAbsent => PossibleSessions > 0 && Absences * 100m >= PossibleSessions * PersistentAbsenceThresholdPercent;

    private decimal Percent(int sessions) => PossibleSessions == 0 ? 0m : Math.Round(sessions * 100m / PossibleSessions, 1);
}
