namespace Partnership.ServiceDefaults.Validation;

/// <summary>
/// The platform child key rule as a plain check, for bulk feeds where a validator per row would cost more than the
/// row itself. Same rule as <see cref="PartnershipRules.ChildKey{T}"/>.
/// </summary>
public static class ChildKeys
{
    public const int MaxLength = 64;

    public static bool IsValid(ReadOnlySpan<char> key)
    {
        if (key.IsEmpty || key.Length > MaxLength)
        {
            return false;
        }
        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }
        return true;
    }
}
