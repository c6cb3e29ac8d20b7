using System.Security.Cryptography;

namespace Partnership.CareRegister.Identifiers;

/// <summary>
/// Cryptographically random bytes drawn 4 KiB at a time per thread: an import makes a key per new child and an id per
/// event, and a call to the random generator for every 16 bytes was a visible share of its CPU.
/// </summary>
public static class RandomBytes
{
    private const int DrawSize = 4096;

    [ThreadStatic]
    private static byte[]? drawn;

    [ThreadStatic]
    private static int next;

    /// <summary>Fills <paramref name="destination"/> (at most 4 KiB) with random bytes not handed out before.</summary>
    public static void Fill(Span<byte> destination)
    {
        if (drawn is null || next + destination.Length > drawn.Length)
        {
            drawn ??= new byte[DrawSize];
            RandomNumberGenerator.Fill(drawn);
            next = 0;
        }
        drawn.AsSpan(next, destination.Length).CopyTo(destination);
        // Bytes handed out are cleared, so they are never in memory twice.
        drawn.AsSpan(next, destination.Length).Clear();
        next += destination.Length;
    }
}
