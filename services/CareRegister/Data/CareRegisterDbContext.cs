using Microsoft.EntityFrameworkCore;
using Partnership.CareRegister.Domain;
using Partnership.ServiceDefaults.Outbox;

namespace Partnership.CareRegister.Data;

/// <summary>
/// The register's own tables. The SSDA903 row tables (ssda903_children, ssda903_episodes, …) are created by a
/// migration in plain SQL and written only by binary COPY, so they are not part of this model.
/// </summary>
public sealed class CareRegisterDbContext(DbContextOptions<CareRegisterDbContext> options) : DbContext(options)
{
    public DbSet<Child> Children => Set<Child>();
    public DbSet<CareEpisode> Episodes => Set<CareEpisode>();
    public DbSet<CareReview> Reviews => Set<CareReview>();
    public DbSet<AdoptionMilestoneRecord> AdoptionMilestones => Set<AdoptionMilestoneRecord>();
    public DbSet<ResolveAudit> ResolveAudits => Set<ResolveAudit>();
    public DbSet<Ssda903Import> Imports => Set<Ssda903Import>();
    public DbSet<Ssda903ImportIssue> ImportIssues => Set<Ssda903ImportIssue>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Child>(c =>
        {
            c.ToTable("children");
            c.HasKey(x => x.Id);
            // Ids are made in code (version 7 GUIDs); new episodes found through the navigation must be inserted, not updated.
            c.Property(x => x.Id).ValueGeneratedNever();
            c.Property(x => x.ChildKey).HasMaxLength(64);
            c.HasIndex(x => x.ChildKey).IsUnique();
            c.Property(x => x.GivenName).HasMaxLength(100);
            c.Property(x => x.FamilyName).HasMaxLength(100);
            c.Property(x => x.Ethnicity).HasMaxLength(4);
            c.Property(x => x.NhsNumber).HasMaxLength(10);
            c.Property(x => x.Upn).HasMaxLength(13);
            c.Property(x => x.PoliceReference).HasMaxLength(40);
            c.Property(x => x.LocalChildId).HasMaxLength(10);
            c.Property(x => x.CreatedBy).HasMaxLength(200);
            c.Property(x => x.CareLeaverCategory).HasConversion<string>().HasMaxLength(30);
            // Each identifier resolves to at most one child.
            c.HasIndex(x => x.NhsNumber).IsUnique();
            c.HasIndex(x => x.Upn).IsUnique();
            c.HasIndex(x => x.PoliceReference).IsUnique();
            c.HasIndex(x => x.LocalChildId).IsUnique();
            c.HasMany(x => x.Episodes).WithOne().HasForeignKey(e => e.ChildId);
            c.HasMany(x => x.Reviews).WithOne().HasForeignKey(r => r.ChildId);
            c.HasMany(x => x.AdoptionMilestones).WithOne().HasForeignKey(m => m.ChildId);
            c.Ignore(x => x.OpenEpisode);
        });

        modelBuilder.Entity<CareEpisode>(e =>
        {
            e.ToTable("care_episodes");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.ReasonNewEpisode).HasMaxLength(1);
            e.Property(x => x.LegalStatus).HasMaxLength(2);
            e.Property(x => x.PlacementType).HasMaxLength(2);
            e.Property(x => x.Provider).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.ReasonPlaceChange).HasMaxLength(6);
            e.Property(x => x.ReasonCeased).HasMaxLength(3);
            e.Property(x => x.HomePostcode).HasMaxLength(Placements.Postcodes.MaxLength);
            e.Property(x => x.PlacementPostcode).HasMaxLength(Placements.Postcodes.MaxLength);
            e.HasIndex(x => new { x.ChildId, x.Start });
        });

        modelBuilder.Entity<AdoptionMilestoneRecord>(m =>
        {
            m.ToTable("adoption_milestones");
            m.HasKey(x => x.Id);
            m.Property(x => x.Id).ValueGeneratedNever();
            m.Property(x => x.Milestone).HasConversion<string>().HasMaxLength(30);
            m.Property(x => x.RecordedBy).HasMaxLength(200);
            m.HasIndex(x => new { x.ChildId, x.Milestone }).IsUnique();
        });

        modelBuilder.Entity<CareReview>(r =>
        {
            r.ToTable("care_reviews");
            r.HasKey(x => x.Id);
            r.Property(x => x.Id).ValueGeneratedNever();
            r.Property(x => x.ParticipationCode).HasMaxLength(3);
            r.HasIndex(x => new { x.ChildId, x.HeldOn });
        });

        modelBuilder.Entity<ResolveAudit>(a =>
        {
            a.ToTable("resolve_audit");
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).UseIdentityAlwaysColumn();
            a.Property(x => x.Caller).HasMaxLength(200);
            a.Property(x => x.Agency).HasMaxLength(40);
            a.Property(x => x.IdentifierType).HasMaxLength(30);
            a.Property(x => x.Outcome).HasMaxLength(30);
            a.HasIndex(x => x.At);
        });

        modelBuilder.Entity<Ssda903Import>(i =>
        {
            i.ToTable("ssda903_imports");
            i.HasKey(x => x.Id);
            i.Property(x => x.Id).ValueGeneratedNever();
            i.Property(x => x.ImportedBy).HasMaxLength(200);
            i.HasIndex(x => x.CollectionYear);
        });

        modelBuilder.Entity<Ssda903ImportIssue>(i =>
        {
            i.ToTable("ssda903_import_issues");
            i.HasKey(x => x.Id);
            i.Property(x => x.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            i.Property(x => x.ImportId).HasColumnName("import_id");
            i.Property(x => x.File).HasColumnName("file").HasMaxLength(200);
            i.Property(x => x.Row).HasColumnName("row");
            i.Property(x => x.Column).HasColumnName("column").HasMaxLength(40);
            i.Property(x => x.Rule).HasColumnName("rule").HasMaxLength(60);
            i.Property(x => x.Severity).HasColumnName("severity").HasMaxLength(10);
            i.Property(x => x.Message).HasColumnName("message").HasMaxLength(500);
            i.HasIndex(x => new { x.ImportId, x.Id });
        });

        modelBuilder.AddOutboxAndInbox();
    }
}
