using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnership.Health.Domain;

namespace Partnership.Health.Data;

public static class HealthRecordMapping
{
    /// <summary>The table and the columns every <see cref="HealthRecord"/> shares, indexed for per-child and per-agency reads.</summary>
    public static EntityTypeBuilder<T> MapHealthRecord<T>(this EntityTypeBuilder<T> entity, string table) where T : HealthRecord
    {
        entity.ToTable(table);
        entity.HasKey(x => x.Id);
        entity.Property(x => x.ChildKey).HasMaxLength(64);
        entity.Property(x => x.SubmittedByAgency).HasMaxLength(40);
        entity.Property(x => x.SubmittedBy).HasMaxLength(200);
        entity.HasIndex(x => new { x.ChildKey, x.SubmittedByAgency });
        return entity;
    }
}
