using Npgsql;
using NpgsqlTypes;

namespace Partnership.CareRegister.Ssda903;

public static class Ssda903CopyExtensions
{
    public static async Task WriteNullableAsync<T>(this NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct
    {
        if (value is { } v)
        {
            await copy.WriteAsync(v, type, ct);
        }
        else
        {
            await copy.WriteNullAsync(ct);
        }
    }

    public static async Task WriteTextAsync(this NpgsqlBinaryImporter copy, string? value, CancellationToken ct)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(ct);
        }
        else
        {
            await copy.WriteAsync(value, NpgsqlDbType.Varchar, ct);
        }
    }
}
