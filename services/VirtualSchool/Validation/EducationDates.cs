namespace Partnership.VirtualSchool.Validation;

/// <summary>The earliest date any education record may carry: older dates are typing errors, not history.</summary>
public static class EducationDates
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);
}
