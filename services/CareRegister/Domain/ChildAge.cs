namespace Partnership.CareRegister.Domain;

/// <summary>Ages travel in events as whole years, so a date of birth never has to.</summary>
public static class ChildAge
{
    public static int On(DateOnly dateOfBirth, DateOnly date)
    {
        var age = date.Year - dateOfBirth.Year;
        return dateOfBirth.AddYears(age) > date ? age - 1 : age;
    }
}
