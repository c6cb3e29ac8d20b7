namespace Partnership.LeavingCare.Domain;

public static class Ages
{
    /// <summary>Age in whole years on a date (a 29 February birthday falls on 28 February in other years).</summary>
    public static int WholeYears(DateOnly dateOfBirth, DateOnly on)
    {
        var age = on.Year - dateOfBirth.Year;
        return dateOfBirth.AddYears(age) > on ? age - 1 : age;
    }

    /// <summary>
    /// SSDA903 counts a care leaver as in touch when contact falls between 3 months before and 1 month after their
    /// birthday; the nearest birthday to the contact decides.
    /// </summary>
    public static bool WithinBirthdayWindow(DateOnly dateOfBirth, DateOnly contactOn)
    {
        for (var year = contactOn.Year - 1; year <= contactOn.Year + 1; year++)
        {
            var birthday = dateOfBirth.AddYears(year - dateOfBirth.Year);
            if (contactOn >= birthday.AddMonths(-3) && contactOn <= birthday.AddMonths(1))
            {
                return true;
            }
        }
        return false;
    }
}
