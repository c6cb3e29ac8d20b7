using Microsoft.EntityFrameworkCore;
using Partnership.CareRegister.Data;
using Partnership.CareRegister.Domain;
using Partnership.CareRegister.Identifiers;
using Partnership.CareRegister.Ssda903;
using Partnership.CareRegister.Ssda903.Sample;
using Partnership.Contracts.CareRegister.V1;
using Partnership.ServiceDefaults.Persistence;

namespace Partnership.CareRegister.Demo;

/// <summary>
/// A synthetic local authority: 550 children in care (DEMO-0001…DEMO-0550), 250 care leavers (DEMO-L001…DEMO-L250) and
/// 90 children who left care in the last year through permanence (DEMO-P001…DEMO-P090: 45 adopted, 25 special
/// guardianship, 20 child arrangements orders, near the strategy's baselines), with episodes, placements and their
/// postcodes, reviews, adoption milestones and every event. The demo keys are the platform child keys, so every
/// service's demo data lines up. Fixed seed: the same data for the same day. NHS numbers are in the 999 range the NHS
/// reserves for tests.
/// </summary>
public sealed class CareRegisterDemoSeeder(TimeProvider clock, Ssda903Importer importer, ILogger<CareRegisterDemoSeeder> logger)
    : IDemoDataSeeder<CareRegisterDbContext>
{
    public const int ChildrenInCare = 550;
    public const int CareLeavers = 250;
    public const int Adopted = 45;
    public const int SpecialGuardianship = 25;
    public const int ChildArrangements = 20;
    public const int PermanenceLeavers = Adopted + SpecialGuardianship + ChildArrangements;

    /// <summary>
    /// Every eleventh child in care (DEMO-0011, DEMO-0022, …) is 16 or 17: the leaving care demo registers them as
    /// eligible young people, some with a living skills programme started, with the same ages.
    /// </summary>
    public static bool IsOlderTeenager(int child) => child % 11 == 0;

    public static int OlderTeenagerAge(int child) => 16 + child / 11 % 2;

    private static readonly string[] GivenNames = ["Alex", "Sam", "Jordan", "Taylor", "Casey", "Riley", "Jamie", "Morgan", "Charlie", "Robin", "Ellis", "Frankie"];
    private static readonly string[] FamilyNames = ["Demo", "Sample", "Example", "Testcase", "Placeholder", "Fictional"];
    private static readonly string[] Ethnicities = ["WBRI", "WBRI", "WBRI", "WOTH", "MWBC", "APKN", "BAFR", "BCRB", "OOTH"];
    private static readonly string[] LegalStatuses = ["C2", "C2", "C2", "V2", "C1", "C2"];
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
        var places = new DemoPlacements(new Random(20));
        var care = new DemoCare(db, now, places);
        var adoptions = new DemoAdoptions(care, places, new Random(426), today);
        var nhsSerial = 0;

        Child NewChild(string key, string localId, DateOnly dateOfBirth)
        {
            string? nhs;
            do
            {
                nhs = NhsNumber.WithCheckDigit($"999{++nhsSerial:D6}");
            } while (nhs is null);
            var age = ChildAge.On(dateOfBirth, today);
            var child = new Child
            {
                Id = Guid.CreateVersion7(),
                ChildKey = key,
                GivenName = GivenNames[random.Next(GivenNames.Length)],
                FamilyName = FamilyNames[random.Next(FamilyNames.Length)],
                DateOfBirth = dateOfBirth,
                Sex = random.Next(1, 3),
                Ethnicity = Ethnicities[random.Next(Ethnicities.Length)],
                NhsNumber = nhs,
                Upn = age >= 4 ? $"D{nhsSerial:D11}A" : null,
                PoliceReference = random.Next(10) == 0 ? $"DEMO/{nhsSerial:D6}" : null,
                LocalChildId = localId,
                CreatedAt = now,
                CreatedBy = "demo-seeder",
            };
            db.Children.Add(child);
            return child;
        }

        for (var i = 1; i <= ChildrenInCare; i++)
        {
            var drawnAge = random.Next(0, 18);
            // Roughly one child in twenty is on an adoption journey: they come into care young.
            var adoption = !IsOlderTeenager(i) && i % 20 == 3;
            var age = IsOlderTeenager(i) ? OlderTeenagerAge(i) : adoption ? 1 + drawnAge % 4 : drawnAge;
            var child = NewChild($"DEMO-{i:D4}", $"LA{i:D4}", today.AddYears(-age).AddDays(-random.Next(1, 365)));
            // Adoption journeys started within the last two years or so; other children came into care over the last five.
            var entered = Max(child.DateOfBirth.AddDays(7), today.AddDays(-random.Next(adoption ? 30 : 10, adoption ? 800 : 2000)));
            var home = places.Home();
            care.Enter(child, entered, adoption ? "C2" : LegalStatuses[random.Next(LegalStatuses.Length)], Placements[random.Next(Placements.Length)],
                places.Site(home));
            if (adoption)
            {
                if (i % 60 == 3)
                {
                    adoptions.FollowToRevocation(child, entered, adoptions.Draw());
                }
                else
                {
                    adoptions.Follow(child, entered, adoptions.Draw(), completeAdoption: false);
                }
            }
            else
            {
                var from = entered;
                for (var changes = random.Next(0, 4); changes > 0; changes--)
                {
                    from = from.AddDays(random.Next(30, 200));
                    if (from >= today)
                    {
                        break;
                    }
                    care.Move(child, from, Placements[random.Next(Placements.Length)], places.Site(home), "CARPL");
                }
            }
            AddReviews(care, child, today, random);
        }

        for (var i = 1; i <= CareLeavers; i++)
        {
            var child = NewChild($"DEMO-L{i:D3}", $"LAL{i:D3}", today.AddYears(-random.Next(17, 22)).AddDays(-random.Next(1, 365)));
            var entered = child.DateOfBirth.AddYears(random.Next(8, 15));
            care.Enter(child, entered, LegalStatuses[random.Next(LegalStatuses.Length)], Placements[random.Next(Placements.Length)], places.Site(places.Home()));
            var ceased = child.DateOfBirth.AddYears(18);
            care.Cease(child, ceased, "E17");
            care.BecomeCareLeaver(child, ceased, CareLeaverCategory.FormerRelevant);
        }

        for (var i = 1; i <= PermanenceLeavers; i++)
        {
            var left = today.AddDays(-random.Next(10, 360));
            if (i <= Adopted)
            {
                var journey = adoptions.Draw();
                var entered = left.AddDays(-journey.Adopted);
                var child = NewChild($"DEMO-P{i:D3}", $"LAP{i:D3}", entered.AddDays(-random.Next(7, 900)));
                care.Enter(child, entered, "C2", "U4", places.Site(places.Home()));
                adoptions.Follow(child, entered, journey, completeAdoption: true);
            }
            else
            {
                var entered = left.AddDays(-random.Next(200, 900));
                var child = NewChild($"DEMO-P{i:D3}", $"LAP{i:D3}", entered.AddDays(-random.Next(365, 12 * 365)));
                care.Enter(child, entered, "C2", random.Next(3) == 0 ? "U1" : "U4", places.Site(places.Home()));
                care.Cease(child, left, i <= Adopted + SpecialGuardianship
                    ? (random.Next(3) == 0 ? "E44" : "E43")
                    : (random.Next(3) == 0 ? "E46" : "E45"));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await ImportLastReturnAsync(db, today, cancellationToken);
    }

    /// <summary>
    /// The annual return lines of the plan (OC2 convictions, for one) come only from an SSDA903 import, so the demo
    /// imports a generated return for the last complete collection year through the same importer an upload uses.
    /// Its children are the generator's own (CHILD ids D0000001…), not the live demo children above.
    /// </summary>
    private async Task ImportLastReturnAsync(CareRegisterDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var year = today.Month >= 4 ? today.Year : today.Year - 1;
        var folder = Directory.CreateTempSubdirectory("partnership-demo-ssda903-");
        try
        {
            new Ssda903SampleGenerator().Generate(folder.FullName, new Ssda903SampleOptions
            {
                CollectionYear = year, ChildrenInCare = 550, Seed = 903, ChildIdPrefix = "D",
            });
            var outcome = await importer.ImportAsync(db, year, Ssda903Source.InFolder(folder.FullName), "demo-seeder", cancellationToken);
            if (outcome.Rejection is { } rejection)
            {
                // Demo data only: the live demo above is already committed and still stands.
                logger.LogWarning("The demo SSDA903 return for {Year} was rejected: {Reason}", year, rejection.Title);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void AddReviews(DemoCare care, Child child, DateOnly today, Random random)
    {
        while (child.NextReviewDue() is { } due && due <= today)
        {
            // Most reviews are on time; some a little late, as in real data.
            var held = Min(due.AddDays(random.Next(10) == 0 ? random.Next(1, 30) : -random.Next(0, 10)), today);
            care.Review(child, due, held, $"PN{random.Next(0, 8)}");
        }
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
