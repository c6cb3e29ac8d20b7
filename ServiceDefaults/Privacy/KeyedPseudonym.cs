using System.Security.Cryptography;
using System.Text;

namespace Partnership.ServiceDefaults.Privacy;

/// <summary>
/// A keyed hash (HMAC-SHA256, first 128 bits) of a platform child key: stable, so facts about one child link up, but
/// not reversible or joinable to the platform key without the secret.
/// </summary>
public static class KeyedPseudonym
{
    public static string Compute(string secretKey, string childKey)
    {
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(childKey));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
