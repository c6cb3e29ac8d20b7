using Microsoft.EntityFrameworkCore;
using Partnership.CareRegister.Data;
using Partnership.CareRegister.Domain;
using Partnership.CareRegister.Identifiers;
using Partnership.Contracts;
using Partnership.Contracts.CareRegister.V1;
using Partnership.ServiceDefaults.Outbox;
using Partnership.ServiceDefaults.Persistence;

namespace Partnership.CareRegister.Demo;

/// <summary>
/// A synthetic local authority: 550 children in care (DEMO-0001…DEMO-0550) and 250 care leavers (DEMO-L001…DEMO-L250),
/// with episodes, reviews and their events. The demo keys are the platform child keys, so every service's demo data
/// lines up. Fixed seed: the same data for the same day. NHS numbers are in the 999 range the NHS reserves for tests.
/// </summary>
public sealed class CareRegisterDemoSeeder(TimeProvider clock) : IDemoDataSeeder<CareRegisterDbContext>
{
    public const int ChildrenInCare = 550;
    public const int CareLeavers = 250;

    private static readonly string[] GivenNames = ["Alex", "Sam", "Jordan", "Taylor", "Casey", "Riley", "Jamie", "Morgan", "Charlie", "Robin", "Ellis", "Frankie"];
    private static readonly string[] FamilyNames = ["Demo", "Sample", "Example", "Testcase", "Placeholder", "Fictional"];
    private static readonly string[] Ethnicities = ["WBRI", "WBRI", "WBRI", "WOTH", "MWBC", "APKN", "BAFR", "BCRB", "OOTH"];
    private static readonly string[] LegalStatuses = ["C2", "C2", "C2", "V2", "E1", "C1"];
    private static readonly string[] Placements = ["U1", "U3", "U4", "U6", "K2", "H5", "R1", "P1"];

    public async Task SeedAsync(CareRegisterDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Children.AnyAsync(cancellationToken))
        {
            return;
        }
        var random = new Random(550);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var nhsSerial = 0;

        Child NewChild(string key, string localId, int age)
        {
            string? nhs;
            do
            {
                nhs = NhsNumber.WithCheckDigit($"999{++nhsSerial:D6}");
            } while (nhs is null);
            return new Child
            {
                Id = Guid.CreateVersion7(),
                ChildKey = key,
                GivenName = GivenNames[random.Next(GivenNames.Length)],
                FamilyName = FamilyNames[random.Next(FamilyNames.Length)],
                DateOfBirth = today.AddYears(-age).AddDays(-random.Next(1, 365)),
                Sex = random.Next(1, 3),
                Ethnicity = Ethnicities[random.Next(Ethnicities.Length)],
                NhsNumber = nhs,
                Upn = age >= 4 ? $"D{nhsSerial:D11}A" : null,
                PoliceReference = random.Next(10) == 0 ? $"DEMO/{nhsSerial:D6}" : null,
                LocalChildId = localId,
                CreatedAt = now,
                CreatedBy = "demo-seeder",
            };
        }

        for (var i = 1; i <= ChildrenInCare; i++)
        {
            var child = NewChild($"DEMO-{i:D4}", $"LA{i:D4}", random.Next(0, 18));
            var entered = Max(child.DateOfBirth.AddDays(7), today.AddDays(-random.Next(10, 2000)));
            EnterCare(db, child, entered, random, now);
            var from = entered;
            for (var changes = random.Next(0, 4); changes > 0; changes--)
            {
                from = from.AddDays(random.Next(30, 200));
                if (from >= today)
                {
                    break;
                }
                var placement = Placements[random.Next(Placements.Length)];
                child.ChangePlacement(from, placement, PlacementProvider.OwnLocalAuthority, random.Next(3) > 0, "CARPL");
                db.AddIntegrationEvent(new PlacementChanged
                {
                    EventId = Guid.CreateVersion7(), OccurredAt = now, SourceAgency = Agencies.SocialCare, ChildKey = child.ChildKey,
                    ChangedOn = from, PlacementType = placement, Provider = PlacementProvider.OwnLocalAuthority, Reason = "CARPL",
                });
            }
            AddReviews(db, child, today, random, now);
            db.Children.Add(child);
        }

        for (var i = 1; i <= CareLeavers; i++)
        {
            var child = NewChild($"DEMO-L{i:D3}", $"LAL{i:D3}", random.Next(17, 22));
            var entered = child.DateOfBirth.AddYears(random.Next(8, 15));
            EnterCare(db, child, entered, random, now);
            var ceased = child.DateOfBirth.AddYears(18);
            child.CeaseCare(ceased, "E17");
            db.AddIntegrationEvent(new CeasedCare
            {
                EventId = Guid.CreateVersion7(), OccurredAt = now, SourceAgency = Agencies.SocialCare, ChildKey = child.ChildKey,
                CeasedOn = ceased, ReasonCode = "E17",
            });
            child.CareLeaverCategory = CareLeaverCategory.FormerRelevant;
            child.CareLeaverSince = ceased;
            db.AddIntegrationEvent(new BecameCareLeaver
            {
                EventId = Guid.CreateVersion7(), OccurredAt = now, SourceAgency = Agencies.SocialCare, ChildKey = child.ChildKey,
                On = ceased, Category = CareLeaverCategory.FormerRelevant,
            });
            db.Children.Add(child);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void EnterCare(CareRegisterDbContext db, Child child, DateOnly on, Random random, DateTimeOffset now)
    {
        var legalStatus = LegalStatuses[random.Next(LegalStatuses.Length)];
        var placement = Placements[random.Next(Placements.Length)];
        child.EnterCare(on, legalStatus, placement, PlacementProvider.OwnLocalAuthority, random.Next(4) > 0);
        db.AddIntegrationEvent(new ChildEnteredCare
        {
            EventId = Guid.CreateVersion7(), OccurredAt = now, SourceAgency = Agencies.SocialCare, ChildKey = child.ChildKey,
            EnteredCareOn = on, LegalStatus = legalStatus, PlacementType = placement, Provider = PlacementProvider.OwnLocalAuthority,
            AgeYears = child.AgeOn(on),
        });
    }

    private static void AddReviews(CareRegisterDbContext db, Child child, DateOnly today, Random random, DateTimeOffset now)
    {
        while (child.NextReviewDue() is { } due && due <= today)
        {
            // Most reviews are on time; some a little late, as in real data.
            var held = due.AddDays(random.Next(10) == 0 ? random.Next(1, 30) : -random.Next(0, 10));
            var review = new CareReview { Id = Guid.CreateVersion7(), ChildId = child.Id, DueOn = due, HeldOn = held, ParticipationCode = $"PN{random.Next(0, 8)}" };
            child.Reviews.Add(review);
            db.AddIntegrationEvent(new ChildInCareReviewHeld
            {
                EventId = Guid.CreateVersion7(), OccurredAt = now, SourceAgency = Agencies.SocialCare, ChildKey = child.ChildKey,
                HeldOn = held, DueOn = due, ParticipationCode = review.ParticipationCode,
            });
        }
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
