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

    /// <summary>Chain heads in chain order as <c>chain:sequence:hash;</c>, the form a checkpoint stores and hashes.</summary>
    public static string Heads(IEnumerable<ChainHead> heads) => string.Concat(heads.OrderBy(h => h.Chain)
        .Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Chain}:{h.Sequence}:{h.Hash};")));

    public static IReadOnlyList<ChainHead> ParseHeads(string heads) => heads.Split(';', StringSplitOptions.RemoveEmptyEntries)
        .Select(part => part.Split(':'))
        .Select(p => new ChainHead(int.Parse(p[0], CultureInfo.InvariantCulture), long.Parse(p[1], CultureInfo.InvariantCulture), p[2]))
        .ToList();

    public static string CheckpointHash(string previousHash, AuditCheckpoint checkpoint)
    {
        var canonical = string.Create(CultureInfo.InvariantCulture,
            $"{previousHash}\n{checkpoint.Sequence}|{checkpoint.RecordedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.ffffffZ}|{checkpoint.Heads}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>One hash naming every chain's head, for operations to record outside the database.</summary>
    public static string CombinedHead(IEnumerable<ChainHead> heads) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Heads(heads))));

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
