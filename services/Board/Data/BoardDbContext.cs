using Microsoft.EntityFrameworkCore;
using Partnership.Board.Domain;
using Partnership.ServiceDefaults.Outbox;

namespace Partnership.Board.Data;

/// <summary>The board's own store: pseudonymous facts and aggregates only, never names, dates of birth or NHS numbers.</summary>
public sealed class BoardDbContext(DbContextOptions<BoardDbContext> options) : DbContext(options)
{
    public const string ChildFactsTable = "child_facts";

    public DbSet<HealthAssessmentFact> HealthAssessments => Set<HealthAssessmentFact>();
    public DbSet<ChildFact> Facts => Set<ChildFact>();
    public DbSet<Ssda903Import> Ssda903Imports => Set<Ssda903Import>();
    public DbSet<ManualValue> ManualValues => Set<ManualValue>();
    public DbSet<IndicatorSnapshot> Snapshots => Set<IndicatorSnapshot>();
    public DbSet<MeasureResult> MeasureResults => Set<MeasureResult>();
    public DbSet<FactChange> FactChanges => Set<FactChange>();
    public DbSet<FactKindVersion> FactKindVersions => Set<FactKindVersion>();

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
            // "Up to date at period end" looks up each child's latest assessment.
            f.HasIndex(x => new { x.ChildPseudonym, x.CompletedOn });
        });

        modelBuilder.Entity<ChildFact>(f =>
        {
            f.ToTable(ChildFactsTable);
            f.HasKey(x => new { x.Kind, x.Key });
            f.Property(x => x.Kind).HasColumnName("kind").HasMaxLength(40);
            f.Property(x => x.Key).HasColumnName("key").HasMaxLength(120);
            f.Property(x => x.Child).HasColumnName("child").HasMaxLength(64);
            f.Property(x => x.On).HasColumnName("on_date");
            f.Property(x => x.OtherDate).HasColumnName("other_date");
            f.Property(x => x.Code).HasColumnName("code").HasMaxLength(40);
            f.Property(x => x.Code2).HasColumnName("code2").HasMaxLength(40);
            f.Property(x => x.Code3).HasColumnName("code3").HasMaxLength(40);
            f.Property(x => x.Flag).HasColumnName("flag");
            f.Property(x => x.Flag2).HasColumnName("flag2");
            f.Property(x => x.Flag3).HasColumnName("flag3");
            f.Property(x => x.Number).HasColumnName("number");
            f.Property(x => x.Number2).HasColumnName("number2");
            f.Property(x => x.Number3).HasColumnName("number3");
            f.Property(x => x.ImportId).HasColumnName("import_id");
            f.Property(x => x.SourceEventId).HasColumnName("source_event_id");
            f.Property(x => x.OccurredAt).HasColumnName("occurred_at");
            f.Property(x => x.ReceivedAt).HasColumnName("received_at");
            // Period queries: every measure filters one kind by date range. The included columns are the ones those
            // measures count or sum, so at national scale they read the index alone instead of a heap page per fact
            // (attendance weeks, most of the rows, among them).
            f.HasIndex(x => new { x.Kind, x.On }).HasDatabaseName("ix_child_facts_kind_on")
                .IncludeProperties(x => new { x.Child, x.Number, x.Number2, x.Number3, x.OtherDate, x.Code, x.Flag, x.Flag2, x.Flag3 });
            // Cohort look-ups: a child's latest fact of a kind at a date. The included columns are the ones the cohorts
            // read from that fact (legal status, placement, provider, distance, age, flags), so each of the tens of
            // thousands of look-ups per period is answered from the index.
            // occurred_at and key break ties between two facts of one day, so they are read from the index too.
            f.HasIndex(x => new { x.Kind, x.Child, x.On }).HasDatabaseName("ix_child_facts_kind_child_on")
                .IncludeProperties(x => new { x.Code, x.Code2, x.Flag, x.Number, x.Number2, x.OccurredAt, x.Key });
            // Facts of a kind that share a code (a CAMHS referral's stages): without it each look-up scans the table.
            f.HasIndex(x => new { x.Kind, x.Code }).HasDatabaseName("ix_child_facts_kind_code")
                .IncludeProperties(x => x.Number).HasFilter("code IS NOT NULL");
        });

        modelBuilder.Entity<Ssda903Import>(i =>
        {
            i.ToTable("ssda903_imports");
            i.HasKey(x => x.CollectionYear);
            i.Property(x => x.CollectionYear).HasColumnName("collection_year").ValueGeneratedNever();
            i.Property(x => x.ImportId).HasColumnName("import_id");
            i.Property(x => x.Children).HasColumnName("children");
            i.Property(x => x.Episodes).HasColumnName("episodes");
            i.Property(x => x.Oc2Records).HasColumnName("oc2_records");
            i.Property(x => x.Oc3Records).HasColumnName("oc3_records");
            i.Property(x => x.MissingEpisodes).HasColumnName("missing_episodes");
            i.Property(x => x.OccurredAt).HasColumnName("occurred_at");
            i.Property(x => x.ReceivedAt).HasColumnName("received_at");
        });

        modelBuilder.Entity<ManualValue>(m =>
        {
            m.ToTable("manual_values");
            m.HasKey(x => x.Id);
            m.Property(x => x.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            m.Property(x => x.PlanId).HasColumnName("plan_id").HasMaxLength(60);
            m.Property(x => x.IndicatorId).HasColumnName("indicator_id").HasMaxLength(20);
            m.Property(x => x.FinancialYear).HasColumnName("financial_year");
            m.Property(x => x.Quarter).HasColumnName("quarter");
            m.Property(x => x.Value).HasColumnName("value").HasPrecision(18, 4);
            m.Property(x => x.Numerator).HasColumnName("numerator");
            m.Property(x => x.Denominator).HasColumnName("denominator");
            m.Property(x => x.Source).HasColumnName("source").HasMaxLength(200);
            m.Property(x => x.Note).HasColumnName("note").HasMaxLength(1000);
            m.Property(x => x.EnteredBy).HasColumnName("entered_by").HasMaxLength(200);
            m.Property(x => x.EnteredAt).HasColumnName("entered_at");
            m.HasIndex(x => new { x.PlanId, x.IndicatorId, x.FinancialYear, x.Quarter, x.Id }).HasDatabaseName("ix_manual_values_period");
        });

        modelBuilder.Entity<IndicatorSnapshot>(s =>
        {
            s.ToTable("indicator_snapshots");
            s.HasKey(x => new { x.PlanId, x.IndicatorId, x.FinancialYear, x.Quarter });
            s.Property(x => x.PlanId).HasColumnName("plan_id").HasMaxLength(60);
            s.Property(x => x.IndicatorId).HasColumnName("indicator_id").HasMaxLength(20);
            s.Property(x => x.FinancialYear).HasColumnName("financial_year");
            s.Property(x => x.Quarter).HasColumnName("quarter");
            s.Property(x => x.Numerator).HasColumnName("numerator");
            s.Property(x => x.Denominator).HasColumnName("denominator");
            s.Property(x => x.Value).HasColumnName("value").HasPrecision(18, 4);
            s.Property(x => x.AsAt).HasColumnName("as_at");
        });

        modelBuilder.Entity<MeasureResult>(r =>
        {
            r.ToTable("measure_results");
            r.HasKey(x => new { x.MeasureId, x.FinancialYear, x.Quarter });
            r.Property(x => x.MeasureId).HasColumnName("measure_id").HasMaxLength(60);
            r.Property(x => x.FinancialYear).HasColumnName("financial_year");
            r.Property(x => x.Quarter).HasColumnName("quarter");
            r.Property(x => x.Numerator).HasColumnName("numerator");
            r.Property(x => x.Denominator).HasColumnName("denominator");
            r.Property(x => x.Basis).HasColumnName("basis");
            r.Property(x => x.Definition).HasColumnName("definition").HasMaxLength(16);
            r.Property(x => x.ComputedAt).HasColumnName("computed_at");
            r.Property(x => x.ComputeMilliseconds).HasColumnName("compute_ms");
        });

        modelBuilder.Entity<FactChange>(c =>
        {
            c.ToTable("fact_changes");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            c.Property(x => x.Kind).HasColumnName("kind").HasMaxLength(40);
            c.Property(x => x.ChangedAt).HasColumnName("changed_at");
        });

        modelBuilder.Entity<FactKindVersion>(v =>
        {
            v.ToTable("fact_kind_versions");
            v.HasKey(x => x.Kind);
            v.Property(x => x.Kind).HasColumnName("kind").HasMaxLength(40);
            v.Property(x => x.Version).HasColumnName("version");
            v.Property(x => x.ChangedAt).HasColumnName("changed_at");
        });

        modelBuilder.AddOutboxAndInbox();
    }
}
