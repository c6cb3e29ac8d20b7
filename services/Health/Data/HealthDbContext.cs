using Microsoft.EntityFrameworkCore;
using Partnership.Health.Domain;
using Partnership.ServiceDefaults.Outbox;

namespace Partnership.Health.Data;

public sealed class HealthDbContext(DbContextOptions<HealthDbContext> options) : DbContext(options)
{
    public DbSet<HealthAssessment> Assessments => Set<HealthAssessment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<HealthAssessment>(a =>
        {
            a.ToTable("health_assessments");
            a.HasKey(x => x.Id);
            a.Property(x => x.ChildKey).HasMaxLength(64);
            a.Property(x => x.AssessmentType).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.SubmittedByAgency).HasMaxLength(40);
            a.Property(x => x.SubmittedBy).HasMaxLength(200);
            a.HasIndex(x => new { x.SubmittedByAgency, x.RecordedAt });
            a.HasIndex(x => x.ChildKey);
            a.Ignore(x => x.WithinTimescale);
        });
        modelBuilder.AddOutboxAndInbox();
    }
}
