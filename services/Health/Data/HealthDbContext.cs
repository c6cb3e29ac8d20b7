using Microsoft.EntityFrameworkCore;
using Partnership.Health.Domain;
using Partnership.ServiceDefaults.Outbox;

namespace Partnership.Health.Data;

public sealed class HealthDbContext(DbContextOptions<HealthDbContext> options) : DbContext(options)
{
    public DbSet<HealthAssessment> Assessments => Set<HealthAssessment>();
    public DbSet<DentalCheck> DentalChecks => Set<DentalCheck>();
    public DbSet<GpRegistration> GpRegistrations => Set<GpRegistration>();
    public DbSet<ImmunisationStatus> Immunisations => Set<ImmunisationStatus>();
    public DbSet<SdqScore> SdqScores => Set<SdqScore>();
    public DbSet<SubstanceMisuse> SubstanceMisuse => Set<SubstanceMisuse>();
    public DbSet<CamhsReferral> CamhsReferrals => Set<CamhsReferral>();

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
            a.Ignore(x => x.NextReviewDue);
        });
        modelBuilder.Entity<DentalCheck>(d => d.MapHealthRecord("dental_checks"));
        modelBuilder.Entity<GpRegistration>(g => g.MapHealthRecord("gp_registrations"));
        modelBuilder.Entity<ImmunisationStatus>(i =>
        {
            i.MapHealthRecord("immunisation_statuses");
            i.Property(x => x.Milestone).HasConversion<string>().HasMaxLength(40);
        });
        modelBuilder.Entity<SdqScore>(s =>
        {
            s.MapHealthRecord("sdq_scores");
            s.Ignore(x => x.CauseForConcern);
        });
        modelBuilder.Entity<SubstanceMisuse>(s => s.MapHealthRecord("substance_misuse"));
        modelBuilder.Entity<CamhsReferral>(c =>
        {
            c.MapHealthRecord("camhs_referrals");
            c.Property(x => x.Version).IsRowVersion();
            c.Ignore(x => x.Stage);
        });
        modelBuilder.AddOutboxAndInbox();
    }
}
