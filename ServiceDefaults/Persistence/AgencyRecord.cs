using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Partnership.ServiceDefaults.Persistence;

/// <summary>
/// A fact one agency records about one child or care leaver: who submitted it and when, so lists show each agency
/// only its own submissions.
/// </summary>
public abstract class AgencyRecord
{
    public Guid Id { get; set; }
    public required string ChildKey { get; set; }
    public required string SubmittedByAgency { get; set; }
    public required string SubmittedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

public static class AgencyRecordModelExtensions
{
    /// <summary>Maps the common columns of an <see cref="AgencyRecord"/> and the indexes its list queries use.</summary>
    public static EntityTypeBuilder<T> IsAgencyRecord<T>(this EntityTypeBuilder<T> entity, string table) where T : AgencyRecord
    {
        entity.ToTable(table);
        entity.HasKey(x => x.Id);
        entity.Property(x => x.ChildKey).HasMaxLength(64);
        entity.Property(x => x.SubmittedByAgency).HasMaxLength(40);
        entity.Property(x => x.SubmittedBy).HasMaxLength(200);
        entity.HasIndex(x => new { x.SubmittedByAgency, x.RecordedAt });
        entity.HasIndex(x => x.ChildKey);
        return entity;
    }
}
