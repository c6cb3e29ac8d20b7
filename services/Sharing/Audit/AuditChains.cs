using System.Security.Cryptography;
using System.Text;

namespace Partnership.Sharing.Audit;

/// <summary>
/// The audit log is a fixed set of hash chains, each child's entries always in the same one, so appenders for
/// different children rarely wait for each other (ADR 0013). A child's history stays in one ordered chain.
/// </summary>
public static class AuditChains
{
    /// <summary>
    /// Chains in use for new entries. Changing it is safe for verification (every entry names its chain), but moves
    /// children to other chains from then on.
    /// </summary>
    public const int Count = 64;

    /// <summary>Names this service's chain locks among the database's two-key advisory locks; the second key is the chain.</summary>
    public const int LockClass = 0x5348_4152; // "SHAR"

    /// <summary>The checkpoint chain's lock, in the same class, outside the range of entry chains.</summary>
    public const int CheckpointLock = -1;

    /// <summary>A stable hash (not string.GetHashCode, which changes per process), so a child never changes chain.</summary>
    public static int For(string childKey)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(childKey), digest);
        return (int)(BitConverter.ToUInt32(digest[..4]) % Count);
    }
}
