using Microsoft.EntityFrameworkCore;
using Partnership.Sharing.Audit;
using Partnership.Sharing.Domain;
using Partnership.ServiceDefaults.Outbox;

namespace Partnership.Sharing.Data;

public sealed class SharingDbContext(DbContextOptions<SharingDbContext> options) : DbContext(options)
{
    public const string AuditTable = "sharing_audit_log";
    public const string CheckpointTable = "sharing_audit_checkpoints";

    public DbSet<SharingAgreement> Agreements => Set<SharingAgreement>();
    public DbSet<ConsentRecord> Consents => Set<ConsentRecord>();
    public DbSet<SafeguardingOverride> Overrides => Set<SafeguardingOverride>();
    public DbSet<InboxItem> Inbox => Set<InboxItem>();
    public DbSet<ChildAge> ChildAges => Set<ChildAge>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SharingAgreement>(a =>
        {
            a.ToTable("sharing_agreements");
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).HasMaxLength(40);
            a.Property(x => x.SourceAgency).HasMaxLength(40);
            a.Property(x => x.RecipientAgency).HasMaxLength(40);
            a.Property(x => x.Category).HasConversion<string>().HasMaxLength(30);
            a.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(30);
            a.Property(x => x.LawfulBasis).HasConversion<string>().HasMaxLength(40);
            a.Property(x => x.Reference).HasMaxLength(400);
            a.HasIndex(x => new { x.RecipientAgency, x.Category, x.Purpose });
        });

        modelBuilder.Entity<ConsentRecord>(c =>
        {
            c.ToTable("consent_records");
            c.HasKey(x => x.Id);
            c.Property(x => x.ChildKey).HasMaxLength(64);
            c.Property(x => x.GivenBy).HasConversion<string>().HasMaxLength(30);
            c.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(30);
            c.PrimitiveCollection(x => x.Categories).ElementType().HasConversion<string>();
            c.PrimitiveCollection(x => x.Recipients);
            c.Property(x => x.RecordedBy).HasMaxLength(200);
            c.Property(x => x.RecordedByAgency).HasMaxLength(40);
            c.Property(x => x.WithdrawnBy).HasMaxLength(200);
            c.Property(x => x.WithdrawalReason).HasMaxLength(1000);
            c.HasIndex(x => x.ChildKey);
        });

        modelBuilder.Entity<SafeguardingOverride>(o =>
        {
            o.ToTable("safeguarding_overrides");
            o.HasKey(x => x.Id);
            o.Property(x => x.ChildKey).HasMaxLength(64);
            o.Property(x => x.SourceAgency).HasMaxLength(40);
            o.Property(x => x.RecipientAgency).HasMaxLength(40);
            o.PrimitiveCollection(x => x.Categories).ElementType().HasConversion<string>();
            o.Property(x => x.OfficerId).HasMaxLength(200);
            o.Property(x => x.OfficerRole).HasMaxLength(60);
            o.Property(x => x.Reason).HasMaxLength(2000);
            o.Property(x => x.LawfulBasis).HasConversion<string>().HasMaxLength(40);
            o.Property(x => x.RecordedBy).HasMaxLength(200);
            o.HasIndex(x => x.ChildKey);
        });

        modelBuilder.Entity<InboxItem>(i =>
        {
            i.ToTable("inbox_items");
            i.HasKey(x => x.Id);
            i.Property(x => x.RecipientAgency).HasMaxLength(40);
            i.Property(x => x.SourceAgency).HasMaxLength(40);
            i.Property(x => x.ChildKey).HasMaxLength(64);
            i.Property(x => x.ChildPseudonym).HasMaxLength(64);
            i.Property(x => x.Category).HasConversion<string>().HasMaxLength(30);
            i.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(30);
            i.Property(x => x.LawfulBasis).HasConversion<string>().HasMaxLength(40);
            i.Property(x => x.Reason).HasMaxLength(1000);
            i.Property(x => x.EventType).HasMaxLength(100);
            i.Property(x => x.Facts).HasColumnType("jsonb");
            i.HasIndex(x => new { x.RecipientAgency, x.SharedAt });
        });

        modelBuilder.Entity<ChildAge>(a =>
        {
            a.ToTable("child_ages");
            a.HasKey(x => x.ChildKey);
            a.Property(x => x.ChildKey).HasMaxLength(64);
        });

        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable(AuditTable);
            // The sequence is assigned under its chain's lock, not by the database, so each chain is gapless by construction.
            e.HasKey(x => new { x.Chain, x.Sequence });
            e.Property(x => x.Sequence).ValueGeneratedNever();
            e.HasIndex(x => x.Id).IsUnique();
            e.Property(x => x.Kind).HasMaxLength(30);
            e.Property(x => x.ChildKey).HasMaxLength(64);
            e.Property(x => x.SourceAgency).HasMaxLength(40);
            e.Property(x => x.RecipientAgency).HasMaxLength(40);
            e.Property(x => x.Category).HasMaxLength(30);
            e.Property(x => x.Purpose).HasMaxLength(30);
            e.Property(x => x.Outcome).HasMaxLength(10);
            e.Property(x => x.LawfulBasis).HasMaxLength(40);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.AgreementId).HasMaxLength(40);
            e.Property(x => x.Caller).HasMaxLength(200);
            e.Property(x => x.CallerAgency).HasMaxLength(40);
            e.Property(x => x.PreviousHash).HasMaxLength(64).IsFixedLength();
            e.Property(x => x.Hash).HasMaxLength(64).IsFixedLength();
            e.HasIndex(x => x.ChildKey);
        });

        modelBuilder.Entity<AuditCheckpoint>(c =>
        {
            c.ToTable(CheckpointTable);
            c.HasKey(x => x.Sequence);
            c.Property(x => x.Sequence).ValueGeneratedNever();
            c.Property(x => x.PreviousHash).HasMaxLength(64).IsFixedLength();
            c.Property(x => x.Hash).HasMaxLength(64).IsFixedLength();
        });

        modelBuilder.AddOutboxAndInbox();
    }
}
