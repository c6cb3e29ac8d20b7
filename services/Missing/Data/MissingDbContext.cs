using Microsoft.EntityFrameworkCore;
using Partnership.Missing.Domain;
using Partnership.ServiceDefaults.Outbox;

namespace Partnership.Missing.Data;

public sealed class MissingDbContext(DbContextOptions<MissingDbContext> options) : DbContext(options)
{
    public DbSet<MissingEpisode> Episodes => Set<MissingEpisode>();
    public DbSet<ReturnInterview> Interviews => Set<ReturnInterview>();
    public DbSet<ExploitationReferral> Referrals => Set<ExploitationReferral>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MissingEpisode>(e =>
        {
            e.ToTable("missing_episodes");
            e.HasKey(x => x.Id);
            e.Property(x => x.ChildKey).HasMaxLength(64);
            e.Property(x => x.Type).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Risk).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.ReportedBy).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.FoundBy).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.StartedByAgency).HasMaxLength(40);
            e.Property(x => x.StartedBy).HasMaxLength(200);
            e.Property(x => x.EndedByAgency).HasMaxLength(40);
            // Optimistic concurrency: two systems ending the same episode at once must not both succeed.
            e.Property(x => x.Version).IsRowVersion();
            e.HasIndex(x => x.ChildKey, "ix_missing_episodes_child");
            // At most one open episode per child: a child cannot go missing twice at the same time.
            e.HasIndex(x => x.ChildKey, "ux_missing_episodes_open_per_child").HasFilter("\"EndedAt\" IS NULL").IsUnique();
            e.HasIndex(x => x.EndedAt);
            e.HasOne(x => x.Interview).WithOne().HasForeignKey<ReturnInterview>(i => i.EpisodeId);
            e.HasMany(x => x.Referrals).WithOne().HasForeignKey(r => r.EpisodeId);
            e.Ignore(x => x.IsOpen);
        });

        modelBuilder.Entity<ReturnInterview>(i =>
        {
            i.ToTable("return_interviews");
            i.HasKey(x => x.EpisodeId);
            i.Property(x => x.CompletedBy).HasConversion<string>().HasMaxLength(40);
            i.Property(x => x.Concern).HasConversion<string>().HasMaxLength(40);
            i.Property(x => x.RecordedByAgency).HasMaxLength(40);
            i.Property(x => x.RecordedBy).HasMaxLength(200);
            i.Property(x => x.ClosedBy).HasMaxLength(200);
        });

        modelBuilder.Entity<ExploitationReferral>(r =>
        {
            r.ToTable("exploitation_referrals");
            r.HasKey(x => x.Id);
            r.Property(x => x.Concern).HasConversion<string>().HasMaxLength(40);
            r.Property(x => x.RaisedByAgency).HasMaxLength(40);
            r.Property(x => x.RaisedBy).HasMaxLength(200);
        });

        modelBuilder.AddOutboxAndInbox();
    }
}
