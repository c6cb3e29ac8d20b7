using Microsoft.EntityFrameworkCore;
using Partnership.Contracts;
using Partnership.Contracts.VirtualSchool.V1;
using Partnership.ServiceDefaults.Http;
using Partnership.ServiceDefaults.Outbox;
using Partnership.ServiceDefaults.Persistence;
using Partnership.VirtualSchool.Apis;
using Partnership.VirtualSchool.Attendance;
using Partnership.VirtualSchool.Data;
using Partnership.VirtualSchool.Domain;

namespace Partnership.VirtualSchool.Demo;

/// <summary>
/// Synthetic education records for the demo authority's children (DEMO-0001…DEMO-0550): the summer term 2026 of
/// session marks (through the same feed path as real data), a PEP each, and some exclusions, school moves,
/// admissions, key stage results and NEET statuses. Fixed seed and fixed dates, so every run produces the same data;
/// skipped once any record exists.
/// </summary>
public sealed class VirtualSchoolDemoSeeder(TimeProvider clock, ILogger<AttendanceFeedImporter> importerLogger) : IDemoDataSeeder<VirtualSchoolDbContext>
{
    public const int Children = 550;
    private const string Seeder = "demo-seed";

    private static readonly DateOnly TermStart = new(2026, 4, 20);
    private static readonly DateOnly TermEnd = new(2026, 7, 17);
    private static readonly DateOnly[] Closed = [new(2026, 5, 4), new(2026, 5, 25), new(2026, 5, 26), new(2026, 5, 27), new(2026, 5, 28), new(2026, 5, 29)];
    private static readonly DateOnly TrainingDay = new(2026, 6, 8);

    public async Task SeedAsync(VirtualSchoolDbContext db, CancellationToken cancellationToken)
    {
        if (await db.AttendanceMarks.AnyAsync(cancellationToken) || await db.PersonalEducationPlans.AnyAsync(cancellationToken))
        {
            return;
        }

        var importer = new AttendanceFeedImporter(db, clock, importerLogger);
        var (_, rejected) = await importer.ImportAsync(TermOfMarks(), Agencies.VirtualSchool, cancellationToken);
        if (rejected is not null)
        {
            throw new InvalidOperationException($"Demo attendance was rejected: {rejected.Errors.FirstOrDefault()}");
        }

        SeedRecords(db);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Key(int child) => $"DEMO-{child:D4}";

    /// <summary>Each child has a steady absence rate; about one in eight is persistently absent (10%+).</summary>
    private static async IAsyncEnumerable<AttendanceFeedLine> TermOfMarks()
    {
        await Task.CompletedTask;
        var random = new Random(20260420);
        var days = new List<(DateOnly Date, string Text)>();
        for (var day = TermStart; day <= TermEnd; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Closed.Contains(day))
            {
                days.Add((day, day.ToString("yyyy-MM-dd")));
            }
        }

        long row = 0;
        for (var child = 1; child <= Children; child++)
        {
            var key = Key(child).AsMemory();
            var absenceRate = random.Next(8) == 0 ? 0.10 + random.NextDouble() * 0.15 : random.NextDouble() * 0.08;
            foreach (var (date, text) in days)
            {
                foreach (var session in (string[])["AM", "PM"])
                {
                    var mark = date == TrainingDay ? "#"
                        : random.NextDouble() >= absenceRate ? (random.Next(200) == 0 ? "B" : session == "AM" ? "/" : "\\")
                        : random.Next(10) < 7 ? (random.Next(4) == 0 ? "M" : "I")
                        : (random.Next(3) == 0 ? "N" : "O");
                    yield return new AttendanceFeedLine(++row, key, text.AsMemory(), session.AsMemory(), mark.AsMemory());
                }
            }
        }
    }

    private void SeedRecords(VirtualSchoolDbContext db)
    {
        var random = new Random(20170331);
        var by = new RecordAuthor(Agencies.VirtualSchool, Seeder, clock.GetUtcNow());
        for (var child = 1; child <= Children; child++)
        {
            var key = Key(child);

            // About 93% of PEPs on time, near the strategy's baseline.
            var due = TermStart.AddDays(random.Next(0, 80));
            var completed = random.Next(100) < 93 ? due.AddDays(-random.Next(0, 15)) : due.AddDays(random.Next(1, 30));
            Add(db, PersonalEducationPlans.Create(new RecordPepRequest(key, random.Next(6) == 0 ? "EnteredCare" : "TermlyReview",
                due, completed, ((PepQuality)random.Next(1, 5)).ToString()), by), PersonalEducationPlans.ToEvent);

            if (random.Next(25) == 0)
            {
                var permanent = random.Next(15) == 0;
                Add(db, Exclusions.Create(new RecordExclusionRequest(key, permanent ? "Permanent" : "FixedTerm",
                    TermStart.AddDays(random.Next(0, 80)), permanent ? 20m : random.Next(1, 11)), by), Exclusions.ToEvent);
            }
            if (random.Next(12) == 0)
            {
                Add(db, SchoolMoves.Create(new RecordSchoolMoveRequest(key, TermStart.AddDays(random.Next(0, 80)), random.Next(3) > 0), by),
                    SchoolMoves.ToEvent);
            }
            if (random.Next(15) == 0)
            {
                var requested = TermStart.AddDays(random.Next(0, 60));
                var schoolDays = random.Next(4) == 0 ? random.Next(21, 35) : random.Next(3, 21);
                Add(db, SchoolAdmissions.Create(new RecordSchoolAdmissionRequest(key, requested, requested.AddDays(schoolDays * 7 / 5 + 2), schoolDays), by),
                    SchoolAdmissions.ToEvent);
            }
            if (child % 11 == 0)
            {
                var fiveAToC = random.Next(100) < 20;
                Add(db, AttainmentResults.Create(new RecordAttainmentRequest(key, 2026, child % 2 == 0 ? 4 : 2, fiveAToC,
                    fiveAToC && random.Next(3) > 0, random.Next(5) > 0), by), AttainmentResults.ToEvent);
            }
            if (child % 13 == 0)
            {
                Add(db, NeetStatuses.Create(new RecordNeetStatusRequest(key, TermEnd, 16 + child % 3, random.Next(5) == 0), by),
                    NeetStatuses.ToEvent);
            }
        }
    }

    private void Add<TEntity, TEvent>(VirtualSchoolDbContext db, TEntity entity, Func<TEntity, TEvent> toEvent)
        where TEntity : AgencyRecord
        where TEvent : IntegrationEvent
    {
        db.Set<TEntity>().Add(entity);
        db.AddIntegrationEvent(toEvent(entity), clock);
    }
}
