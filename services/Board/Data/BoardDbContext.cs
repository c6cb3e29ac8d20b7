using Microsoft.EntityFrameworkCore;
using Partnership.Board.Domain;
using Partnership.ServiceDefaults.Outbox;

namespace Partnership.Board.Data;

/// <summary>The board's own store: pseudonymous facts and aggregates only, never names, dates of birth or NHS numbers.</summary>
public sealed class BoardDbContext(DbContextOptions<BoardDbContext> options) : DbContext(options)
{
    public DbSet<HealthAssessmentFact> HealthAssessments => Set<HealthAssessmentFact>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<HealthAssessmentFact>(f =>
        {
            f.ToTable("health_assessment_facts");
            f.HasKey(x => x.AssessmentId);
            f.Property(x => x.AssessmentId).ValueGeneratedNever();
            f.Property(x => x.ChildPseudonym).HasMaxLength(64);
            f.Property(x => x.AssessmentType).HasConversion<string>().HasMaxLength(20);
            f.HasIndex(x => x.CompletedOn);
        });
        modelBuilder.AddOutboxAndInbox();
    }
}
