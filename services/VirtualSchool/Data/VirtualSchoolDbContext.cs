using Microsoft.EntityFrameworkCore;
using Partnership.ServiceDefaults.Outbox;
using Partnership.ServiceDefaults.Persistence;
using Partnership.VirtualSchool.Domain;

namespace Partnership.VirtualSchool.Data;

public sealed class VirtualSchoolDbContext(DbContextOptions<VirtualSchoolDbContext> options) : DbContext(options)
{
    public const string MarksTable = "attendance_marks";

    public DbSet<AttendanceMark> AttendanceMarks => Set<AttendanceMark>();
    public DbSet<Exclusion> Exclusions => Set<Exclusion>();
    public DbSet<PersonalEducationPlan> PersonalEducationPlans => Set<PersonalEducationPlan>();
    public DbSet<AttainmentResult> AttainmentResults => Set<AttainmentResult>();
    public DbSet<SchoolAdmission> SchoolAdmissions => Set<SchoolAdmission>();
    public DbSet<SchoolMove> SchoolMoves => Set<SchoolMove>();
    public DbSet<NeetStatus> NeetStatuses => Set<NeetStatus>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Snake-case names because the bulk feed writes this table with hand-written COPY and upsert SQL.
        modelBuilder.Entity<AttendanceMark>(m =>
        {
            m.ToTable(MarksTable);
            m.HasKey(x => new { x.ChildKey, x.Date, x.Session });
            m.Property(x => x.ChildKey).HasColumnName("child_key").HasMaxLength(64);
            m.Property(x => x.Date).HasColumnName("date");
            m.Property(x => x.Session).HasColumnName("session").HasConversion<string>().HasMaxLength(2);
            m.Property(x => x.Mark).HasColumnName("mark").HasMaxLength(2);
            m.Property(x => x.Category).HasColumnName("category");
            m.Property(x => x.SubmittedByAgency).HasColumnName("submitted_by_agency").HasMaxLength(40);
            m.Property(x => x.RecordedAt).HasColumnName("recorded_at");
            m.HasIndex(x => new { x.SubmittedByAgency, x.Date });
        });

        modelBuilder.Entity<Exclusion>(e =>
        {
            e.IsAgencyRecord("exclusions");
            e.Property(x => x.Type).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Sessions).HasPrecision(6, 1);
        });
        modelBuilder.Entity<PersonalEducationPlan>(e =>
        {
            e.IsAgencyRecord("personal_education_plans");
            e.Property(x => x.Reason).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Quality).HasConversion<string>().HasMaxLength(30);
            e.Ignore(x => x.OnTime);
        });
        modelBuilder.Entity<AttainmentResult>(e => e.IsAgencyRecord("attainment_results"));
        modelBuilder.Entity<SchoolAdmission>(e =>
        {
            e.IsAgencyRecord("school_admissions");
            e.Ignore(x => x.WithinTarget);
        });
        modelBuilder.Entity<SchoolMove>(e => e.IsAgencyRecord("school_moves"));
        modelBuilder.Entity<NeetStatus>(e => e.IsAgencyRecord("neet_statuses"));
        modelBuilder.AddOutboxAndInbox();
    }
}
