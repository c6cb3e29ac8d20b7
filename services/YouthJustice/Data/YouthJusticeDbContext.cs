using Microsoft.EntityFrameworkCore;
using Partnership.ServiceDefaults.Outbox;
using Partnership.YouthJustice.Domain;

namespace Partnership.YouthJustice.Data;

public sealed class YouthJusticeDbContext(DbContextOptions<YouthJusticeDbContext> options) : DbContext(options)
{
    public DbSet<OffenceOutcome> Outcomes => Set<OffenceOutcome>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OffenceOutcome>(o =>
        {
            o.ToTable("offence_outcomes", t => t.HasCheckConstraint("ck_offence_outcomes_age", $"\"AgeAtOffence\" BETWEEN {OffenceOutcome.MinimumAge} AND {OffenceOutcome.MaximumAge}"));
            o.HasKey(x => x.Id);
            o.Property(x => x.ChildKey).HasMaxLength(64);
            o.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(40);
            o.Property(x => x.RecordedByAgency).HasMaxLength(40);
            o.Property(x => x.RecordedBy).HasMaxLength(200);
            o.HasIndex(x => new { x.RecordedByAgency, x.RecordedAt });
            o.HasIndex(x => new { x.ChildKey, x.OutcomeDate });
        });
        modelBuilder.AddOutboxAndInbox();
    }
}
