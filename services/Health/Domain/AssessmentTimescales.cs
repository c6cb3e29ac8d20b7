namespace Partnership.Health.Domain;

/// <summary>Statutory timescales for looked-after children's health assessments.</summary>
public static class AssessmentTimescales
{
    /// <summary>The initial health assessment is due within 20 working days of entering care.</summary>
    public const int InitialWorkingDays = 20;

    /// <summary>Reviews are six-monthly before the fifth birthday and annual from it.</summary>
    public const int AnnualReviewFromAge = 5;

    public static DateOnly InitialDue(DateOnly enteredCareOn) => EnglandAndWalesCalendar.AddWorkingDays(enteredCareOn, InitialWorkingDays);

    /// <summary>Whether <see cref="InitialDue"/> can be computed with the bank holidays the service knows.</summary>
    public static bool CanComputeInitialDue(DateOnly enteredCareOn) =>
        EnglandAndWalesCalendar.IsSupported(enteredCareOn) && EnglandAndWalesCalendar.IsSupported(enteredCareOn.AddDays(45));

    public static DateOnly NextReviewDue(DateOnly lastCompletedOn, int ageYears) =>
        lastCompletedOn.AddMonths(ageYears < AnnualReviewFromAge ? 6 : 12);
}
