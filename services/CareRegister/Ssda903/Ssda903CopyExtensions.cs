using Npgsql;
using NpgsqlTypes;

namespace Partnership.CareRegister.Ssda903;

/// <summary>
/// Synchronous field writes: an import writes millions of fields, and the async overloads cost a state machine and a
/// cancellation registration each, while only a full buffer ever does I/O (then the write blocks for that flush).
/// </summary>
public static class Ssda903CopyExtensions
{
    public static void WriteNullable<T>(this NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is { } v)
        {
            copy.Write(v, type);
        }
        else
        {
            copy.WriteNull();
        }
    }

    public static void WriteText(this NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Varchar);
        }
    }
}
