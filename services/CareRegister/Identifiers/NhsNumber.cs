namespace Partnership.CareRegister.Identifiers;

/// <summary>NHS numbers: ten digits, the last a modulus-11 check digit over the first nine (weights 10 down to 2).</summary>
public static class NhsNumber
{
    /// <summary>Strips the spaces and hyphens people type ("943 476 5919"); null when what remains is not ten digits.</summary>
    public static string? Normalise(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var digits = new string(value.Where(c => c is not (' ' or '-')).ToArray());
        return digits.Length == 10 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    public static bool IsValid(string? value)
    {
        if (Normalise(value) is not { } digits)
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }
        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }
        // A remainder giving 10 has no valid check digit: no NHS number is issued with those nine digits.
        return check != 10 && check == digits[9] - '0';
    }

    /// <summary>Appends the check digit to nine digits, or null when those digits can have none (used by synthetic data).</summary>
    public static string? WithCheckDigit(string nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (nineDigits[i] - '0') * (10 - i);
        }
        var check = 11 - (sum % 11);
        return check switch { 11 => nineDigits + "0", 10 => null, _ => nineDigits + (char)('0' + check) };
    }
}
