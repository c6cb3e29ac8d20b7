using Partnership.CareRegister.Identifiers;

namespace Partnership.CareRegister.Domain;

/// <summary>
/// Platform child keys: "C-" and 16 random base32 characters (80 bits). Random rather than derived from any
/// identifier, so a key reveals nothing and cannot be recomputed from an NHS number or UPN.
/// </summary>
public static class PlatformChildKeys
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTVWXYZ0123456789";

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomBytes.Fill(bytes);
        Span<char> chars = stackalloc char[18];
        chars[0] = 'C';
        chars[1] = '-';
        for (var i = 0; i < 16; i++)
        {
            chars[i + 2] = Alphabet[bytes[i] & 31];
        }
        return new string(chars);
    }
}
