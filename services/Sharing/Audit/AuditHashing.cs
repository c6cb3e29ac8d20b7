using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Partnership.Sharing.Audit;

/// <summary>The canonical serialisation of an audit entry and the chain hash over it.</summary>
public static class AuditHashing
{
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>
    /// Fields in a fixed order, each as its length and value so no separator inside a value can shift another field.
    /// Times are UTC at microsecond precision, which is what PostgreSQL stores.
    /// </summary>
    public static string Canonical(AuditEntry e)
    {
        var builder = new StringBuilder();
        Append(builder, e.Sequence.ToString(CultureInfo.InvariantCulture));
        Append(builder, e.Id.ToString("D"));
        Append(builder, e.Kind);
        Append(builder, e.ChildKey);
        Append(builder, e.SourceAgency);
        Append(builder, e.RecipientAgency);
        Append(builder, e.Category);
        Append(builder, e.Purpose);
        Append(builder, e.Outcome);
        Append(builder, e.LawfulBasis);
        Append(builder, e.Reason);
        Append(builder, e.AgreementId);
        Append(builder, e.ConsentId?.ToString("D"));
        Append(builder, e.OverrideId?.ToString("D"));
        Append(builder, e.Caller);
        Append(builder, e.CallerAgency);
        Append(builder, e.RecordedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture));
        return builder.ToString();
    }

    public static string ChainHash(string previousHash, AuditEntry entry)
    {
        var bytes = Encoding.UTF8.GetBytes(previousHash + "\n" + Canonical(entry));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>PostgreSQL keeps microseconds; truncating before hashing makes the stored row hash the same.</summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % 10, TimeSpan.Zero);

    private static void Append(StringBuilder builder, string? value)
    {
        if (value is null)
        {
            builder.Append("-1:|");
            return;
        }
        builder.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('|');
    }
}
