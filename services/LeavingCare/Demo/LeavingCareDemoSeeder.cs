using Microsoft.EntityFrameworkCore;
using Partnership.Contracts;
using Partnership.Contracts.LeavingCare.V1;
using Partnership.LeavingCare.Apis;
using Partnership.LeavingCare.Data;
using Partnership.LeavingCare.Domain;
using Partnership.ServiceDefaults.Outbox;
using Partnership.ServiceDefaults.Persistence;

namespace Partnership.LeavingCare.Demo;

/// <summary>
/// Synthetic care leavers DEMO-L001…DEMO-L250, mostly 17–21 on the reference date, each with a birthday-window
/// contact, an activity, an accommodation, a pathway plan and a personal adviser, and about two dozen in Staying Put.
/// Proportions sit near the strategy's baselines (EET ~60%, suitable accommodation ~88%, plans in date ~85%). Also
/// the fifty 16- and 17-year-olds still in care whom the care register's demo makes every eleventh child (DEMO-0011,
/// DEMO-0022, …, same ages), registered as eligible, about seven in ten with the living skills programme started.
/// Fixed seed and fixed dates, so every run produces the same data; skipped once any care leaver exists.
/// </summary>
public sealed class LeavingCareDemoSeeder(TimeProvider clock) : IDemoDataSeeder<LeavingCareDbContext>
{
    public const int CareLeavers = 250;
    public const int EligibleChildrenInCare = 50;
    private const string Seeder = "demo-seed";
    private static readonly DateOnly Reference = new(2026, 10, 31);

    private static readonly string[] EetCodes = ["F1", "P1", "F2", "F2", "P2", "F4", "P4", "F5", "F5", "P5"];
    private static readonly string[] NeetCodes = ["G4", "G5", "G5", "G6", "0"];
    private static readonly string[] SuitableCodes = ["D1", "U1", "U1", "E1", "T1", "B1", "Z1", "K1", "C1"];
    private static readonly string[] UnsuitableCodes = ["W2", "S2", "V2", "X2", "D2"];

    public async Task SeedAsync(LeavingCareDbContext db, CancellationToken cancellationToken)
    {
        if (await db.CareLeavers.AnyAsync(cancellationToken))
        {
            return;
        }

        var random = new Random(20161231);
        var now = clock.GetUtcNow();
        var stayingPut = 0;
        for (var n = 1; n <= CareLeavers; n++)
        {
            var key = $"DEMO-L{n:D3}";
            var age = n % 25 == 0 ? 16 : n % 31 == 0 ? 22 : 17 + random.Next(5);
            var dateOfBirth = Reference.AddYears(-age).AddDays(-random.Next(0, 365));
            db.CareLeavers.Add(new CareLeaver
            {
                Id = Guid.CreateVersion7(),
                ChildKey = key,
                DateOfBirth = dateOfBirth,
                Category = age < 18 ? CareLeaverCategory.Relevant : CareLeaverCategory.FormerRelevant,
                SubmittedByAgency = Agencies.LeavingCare,
                SubmittedBy = Seeder,
                RecordedAt = now,
            });

            T Record<T>(T record, DateOnly on) where T : CareLeaverRecord
            {
                record.Id = Guid.CreateVersion7();
                record.AgeYears = Ages.WholeYears(dateOfBirth, on);
                record.RecordedAt = now;
                return record;
            }

            var lastBirthday = dateOfBirth.AddYears(age);
            var contactOn = lastBirthday.AddDays(random.Next(-60, 25));
            contactOn = contactOn > Reference ? Reference : contactOn;
            var inTouch = random.Next(100) switch { < 88 => InTouchStatus.Yes, < 94 => InTouchStatus.No, < 98 => InTouchStatus.Refused, _ => InTouchStatus.NotRequired };
            var contact = Record(new CareLeaverContact
            {
                ChildKey = key, SubmittedByAgency = Agencies.LeavingCare, SubmittedBy = Seeder,
                ContactOn = contactOn, InTouch = inTouch, WithinBirthdayWindow = Ages.WithinBirthdayWindow(dateOfBirth, contactOn),
            }, contactOn);
            Add(db, contact, contact.ToEvent());

            var activityCode = random.Next(100) < 60 ? EetCodes[random.Next(EetCodes.Length)] : NeetCodes[random.Next(NeetCodes.Length)];
            var activity = Record(new CareLeaverActivity
            {
                ChildKey = key, SubmittedByAgency = Agencies.LeavingCare, SubmittedBy = Seeder,
                RecordedOn = contactOn, ActivityCode = activityCode,
                InEducationEmploymentOrTraining = Ssda903Codes.InEducationEmploymentOrTraining(activityCode),
                InHigherEducation = Ssda903Codes.InHigherEducation(activityCode),
            }, contactOn);
            Add(db, activity, activity.ToEvent());

            var accommodationCode = random.Next(100) < 88 ? SuitableCodes[random.Next(SuitableCodes.Length)] : UnsuitableCodes[random.Next(UnsuitableCodes.Length)];
            var accommodation = Record(new CareLeaverAccommodation
            {
                ChildKey = key, SubmittedByAgency = Agencies.LeavingCare, SubmittedBy = Seeder,
                RecordedOn = contactOn, AccommodationCode = accommodationCode,
                AccommodationType = Ssda903Codes.AccommodationType(accommodationCode), Suitable = Ssda903Codes.Suitable(accommodationCode),
            }, contactOn);
            Add(db, accommodation, accommodation.ToEvent());

            // About 85% have a plan completed in the last six months; the rest are overdue.
            var planOn = Reference.AddDays(random.Next(100) < 85 ? -random.Next(0, 180) : -random.Next(190, 300));
            planOn = planOn < dateOfBirth.AddYears(15) ? dateOfBirth.AddYears(15) : planOn;
            var plan = Record(new PathwayPlan
            {
                ChildKey = key, SubmittedByAgency = Agencies.LeavingCare, SubmittedBy = Seeder,
                CompletedOn = planOn, AuthorisedOn = random.Next(10) == 0 ? null : planOn.AddDays(random.Next(0, 14)) is var a && a <= Reference ? a : Reference,
            }, planOn);
            Add(db, plan, plan.ToEvent());

            var adviserOn = dateOfBirth.AddYears(16).AddDays(random.Next(0, 60));
            adviserOn = adviserOn > Reference ? Reference : adviserOn;
            var adviser = Record(new PersonalAdviserAllocation
            {
                ChildKey = key, SubmittedByAgency = Agencies.LeavingCare, SubmittedBy = Seeder, AllocatedOn = adviserOn,
            }, adviserOn);
            Add(db, adviser, adviser.ToEvent());

            if (age is >= 18 and <= 20 && stayingPut < 24 && random.Next(3) == 0)
            {
                stayingPut++;
                var startedOn = dateOfBirth.AddYears(18);
                var arrangement = Record(new StayingPutArrangement
                {
                    ChildKey = key, SubmittedByAgency = Agencies.LeavingCare, SubmittedBy = Seeder, StartedOn = startedOn,
                }, startedOn);
                Add(db, arrangement, arrangement.ToStartedEvent());
            }
        }
        SeedEligibleChildrenInCare(db, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    private void SeedEligibleChildrenInCare(LeavingCareDbContext db, DateTimeOffset now)
    {
        // Its own sequence, so the care leavers above stay as they always were.
        var random = new Random(32);
        for (var n = 1; n <= EligibleChildrenInCare; n++)
        {
            var child = n * 11;
            var key = $"DEMO-{child:D4}";
            var age = 16 + n % 2;
            var dateOfBirth = Reference.AddYears(-age).AddDays(-random.Next(1, 365));
            db.CareLeavers.Add(new CareLeaver
            {
                Id = Guid.CreateVersion7(),
                ChildKey = key,
                DateOfBirth = dateOfBirth,
                Category = CareLeaverCategory.Eligible,
                SubmittedByAgency = Agencies.LeavingCare,
                SubmittedBy = Seeder,
                RecordedAt = now,
            });
            if (random.Next(10) >= 7)
            {
                continue;
            }
            var fifteenth = dateOfBirth.AddYears(LivingSkills.MinimumAge);
            var startedOn = Reference.AddDays(-random.Next(0, 400));
            startedOn = startedOn < fifteenth ? fifteenth : startedOn;
            var programme = new LivingSkillsProgramme
            {
                Id = Guid.CreateVersion7(),
                ChildKey = key,
                StartedOn = startedOn,
                AgeYears = Ages.WholeYears(dateOfBirth, startedOn),
                SubmittedByAgency = Agencies.LeavingCare,
                SubmittedBy = Seeder,
                RecordedAt = now,
            };
            Add(db, programme, programme.ToEvent());
        }
    }

    private void Add<T, TEvent>(LeavingCareDbContext db, T record, TEvent evt)
        where T : CareLeaverRecord
        where TEvent : IntegrationEvent
    {
        db.Set<T>().Add(record);
        db.AddIntegrationEvent(evt, clock);
    }
}
