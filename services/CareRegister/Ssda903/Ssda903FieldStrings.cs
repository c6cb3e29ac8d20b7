using System.Buffers.Binary;
using System.Text;

namespace Partnership.CareRegister.Ssda903;

/// <summary>
/// The strings of one CSV file's short ASCII fields, reused when the same bytes come again. Most SSDA903 fields are
/// codes, dates and CHILD ids that repeat from row to row (a child's episodes, a year's dates), and a new string for
/// each was the largest share of an import's garbage. Direct-mapped, fixed size: a miss costs one string, as before.
/// </summary>
public sealed class Ssda903FieldStrings
{
    /// <summary>Longest field kept: the packed key holds 15 bytes and the length.</summary>
    public const int MaxLength = 15;

    private const int Slots = 4096;
    private const ulong HighBits = 0x8080808080808080;

    private readonly Entry[] _entries = new Entry[Slots];

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }
        // The bytes packed little-endian into 16, zero beyond the length, by reads that may overlap: copying them into
        // a cleared buffer first cost twice as much as the rest of the look-up.
        var length = utf8.Length;
        ulong low, high = 0;
        if (length >= 8)
        {
            low = BinaryPrimitives.ReadUInt64LittleEndian(utf8);
            if (length > 8)
            {
                high = BinaryPrimitives.ReadUInt64LittleEndian(utf8[(length - 8)..]) >> ((16 - length) * 8);
            }
        }
        else if (length >= 4)
        {
            low = BinaryPrimitives.ReadUInt32LittleEndian(utf8) | (ulong)BinaryPrimitives.ReadUInt32LittleEndian(utf8[(length - 4)..]) << ((length - 4) * 8);
        }
        else
        {
            low = 0;
            for (var i = 0; i < length; i++)
            {
                low |= (ulong)utf8[i] << (i * 8);
            }
        }
        if (((low | high) & HighBits) != 0)
        {
            // Not ASCII: decoded as UTF-8 every time (rare in a return, and the key would need the full bytes).
            return Encoding.UTF8.GetString(utf8);
        }
        high |= (ulong)length << 56;
        ref var entry = ref _entries[(int)((low * 0x9E3779B97F4A7C15 ^ high * 0xC2B2AE3D27D4EB4F) >> 52)];
        if (entry.Value is { } value && entry.Low == low && entry.High == high)
        {
            return value;
        }
        value = Encoding.ASCII.GetString(utf8);
        entry = new Entry(low, high, value);
        return value;
    }

    private readonly record struct Entry(ulong Low, ulong High, string? Value);
}
