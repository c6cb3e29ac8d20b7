using Microsoft.EntityFrameworkCore;
using Partnership.LeavingCare.Domain;
using Partnership.ServiceDefaults.Outbox;
using Partnership.ServiceDefaults.Persistence;

namespace Partnership.LeavingCare.Data;

public sealed class LeavingCareDbContext(DbContextOptions<LeavingCareDbContext> options) : DbContext(options)
{
    public DbSet<CareLeaver> CareLeavers => Set<CareLeaver>();
    public DbSet<CareLeaverContact> Contacts => Set<CareLeaverContact>();
    public DbSet<CareLeaverActivity> Activities => Set<CareLeaverActivity>();
    public DbSet<CareLeaverAccommodation> Accommodation => Set<CareLeaverAccommodation>();
    public DbSet<StayingPutArrangement> StayingPut => Set<StayingPutArrangement>();
    public DbSet<PathwayPlan> PathwayPlans => Set<PathwayPlan>();
    public DbSet<PersonalAdviserAllocation> PersonalAdvisers => Set<PersonalAdviserAllocation>();
    public DbSet<LivingSkillsProgramme> LivingSkills => Set<LivingSkillsProgramme>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CareLeaver>(e =>
        {
            e.IsAgencyRecord("care_leavers");
            e.HasIndex(x => x.ChildKey).IsUnique().HasDatabaseName("ux_care_leavers_child_key");
            e.Property(x => x.Category).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<CareLeaverContact>(e =>
        {
            e.IsAgencyRecord("contacts");
            e.Property(x => x.InTouch).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<CareLeaverActivity>(e =>
        {
            e.IsAgencyRecord("activities");
            e.Property(x => x.ActivityCode).HasMaxLength(2);
        });
        modelBuilder.Entity<CareLeaverAccommodation>(e =>
        {
            e.IsAgencyRecord("accommodation");
            e.Property(x => x.AccommodationCode).HasMaxLength(2);
            e.Property(x => x.AccommodationType).HasMaxLength(1);
        });
        modelBuilder.Entity<StayingPutArrangement>(e => e.IsAgencyRecord("staying_put"));
        modelBuilder.Entity<PathwayPlan>(e => e.IsAgencyRecord("pathway_plans"));
        modelBuilder.Entity<PersonalAdviserAllocation>(e => e.IsAgencyRecord("personal_adviser_allocations"));
        modelBuilder.Entity<LivingSkillsProgramme>(e =>
        {
            e.IsAgencyRecord("living_skills_programmes");
            // Started once: a second start for the same young person is refused, even by concurrent requests.
            e.HasIndex(x => x.ChildKey).IsUnique().HasDatabaseName("ux_living_skills_programmes_child_key");
        });
        modelBuilder.AddOutboxAndInbox();
    }
}
