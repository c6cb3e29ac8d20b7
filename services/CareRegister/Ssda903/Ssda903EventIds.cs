using System.Buffers.Binary;
using Partnership.CareRegister.Identifiers;

namespace Partnership.CareRegister.Ssda903;

/// <summary>
/// UUIDv7 event ids for the hundreds of thousands of events of a return, as Guid.CreateVersion7 makes them (Unix
/// milliseconds, version 7, RFC variant, the rest cryptographically random), but with the random bytes drawn in
/// bulk (<see cref="RandomBytes"/>): Guid.CreateVersion7 asks the kernel for 16 random bytes per id.
/// </summary>
public static class Ssda903EventIds
{
    public static Guid Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomBytes.Fill(bytes);
        var milliseconds = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        // Bytes 0-5: the timestamp, big-endian; the high nibble of byte 6: the version; the top two bits of byte 8: the variant.
        BinaryPrimitives.WriteInt64BigEndian(bytes, milliseconds << 16 | (long)BinaryPrimitives.ReadUInt16BigEndian(bytes[6..]));
        bytes[6] = (byte)(0x70 | bytes[6] & 0x0F);
        bytes[8] = (byte)(0x80 | bytes[8] & 0x3F);
        return new Guid(bytes, bigEndian: true);
    }
}
