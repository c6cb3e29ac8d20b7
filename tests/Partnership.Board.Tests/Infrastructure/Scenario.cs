using Partnership.Contracts;
using Partnership.Contracts.CareRegister.V1;
using Partnership.Contracts.Health.V1;
using Partnership.Contracts.LeavingCare.V1;
using Partnership.Contracts.Missing.V1;
using Partnership.Contracts.VirtualSchool.V1;

namespace Partnership.Board.Tests.Infrastructure;

/// <summary>
/// Generated agency events for financial year 2016/17 whose indicator values were worked out by hand (see the
/// expectations in the oracle tests). Child keys are synthetic. Counts are chosen so that neither a cell nor its
/// complement falls to 1–4, except where a test wants suppression.
/// </summary>
public static class Scenario
{
    public static readonly DateTimeOffset T = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly Guid OldImport = Guid.Parse("11111111-0000-0000-0000-000000000001");
    public static readonly Guid NewImport = Guid.Parse("11111111-0000-0000-0000-000000000002");

    private static TEvent Env<TEvent>(TEvent e) where TEvent : IntegrationEvent => e;
    private static string C(int i) => $"SCN-C{i:D2}";
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    public static List<IntegrationEvent> AgencyEvents()
    {
        var events = new List<IntegrationEvent>();

        // Care: C00–C19 in care since April 2014 (foster, C12–C19 with an independent agency, C12–C19 over 20 miles);
        // C20–C24 since October 2016 (children's home); C25–C26 short breaks; C27–C29 adopted in December 2016.
        for (var i = 0; i < 30; i++)
        {
            var recent = i is >= 20 and < 25;
            events.Add(new ChildEnteredCare
            {
                EventId = Guid.NewGuid(), OccurredAt = T, SourceAgency = Agencies.SocialCare, ChildKey = C(i),
                EnteredCareOn = recent ? D(2016, 10, 1) : D(2014, 4, 10),
                LegalStatus = i is 25 or 26 ? "V3" : "C2",
                PlacementType = recent ? "K2" : "U1",
                Provider = i is >= 12 and < 20 ? PlacementProvider.PrivateProvision : PlacementProvider.OwnLocalAuthority,
                WithinTwentyMiles = i is not (>= 12 and < 20),
                AgeYears = recent ? 15 : 8,
            });
        }
        for (var i = 0; i < 6; i++)
        {
            foreach (var on in new[] { D(2016, 6, 1), D(2016, 9, 1) })
            {
                events.Add(new PlacementChanged
                {
                    EventId = Guid.NewGuid(), OccurredAt = T, SourceAgency = Agencies.SocialCare, ChildKey = C(i),
                    ChangedOn = on, PlacementType = "U1", Provider = PlacementProvider.OwnLocalAuthority, WithinTwentyMiles = true,
                });
            }
        }
        for (var i = 27; i < 30; i++)
        {
            events.Add(new CeasedCare { EventId = Guid.NewGuid(), OccurredAt = T, SourceAgency = Agencies.SocialCare, ChildKey = C(i), CeasedOn = D(2016, 12, 1), ReasonCode = "E11" });
        }

        // Reviews: 15 of 20 on time; 6 without participation (PN0).
        for (var i = 0; i < 20; i++)
        {
            events.Add(new ChildInCareReviewHeld
            {
                EventId = Guid.NewGuid(), OccurredAt = T, SourceAgency = Agencies.SocialCare, ChildKey = C(i),
                HeldOn = D(2016, 8, 1), DueOn = i < 15 ? D(2016, 8, 15) : D(2016, 7, 15), ParticipationCode = i < 6 ? "PN0" : "PN1",
            });
        }

        // Health assessments: C00–C14 in June 2016, 10 on time, 8 recording wishes and feelings.
        for (var i = 0; i < 15; i++)
        {
            events.Add(new HealthAssessmentCompleted
            {
                EventId = Guid.NewGuid(), OccurredAt = T, SourceAgency = Agencies.Health, ChildKey = C(i),
                AssessmentId = Guid.NewGuid(), AssessmentType = HealthAssessmentType.Review,
                DueDate = i < 10 ? D(2016, 6, 10) : D(2016, 5, 20), CompletedOn = D(2016, 6, 1), WishesAndFeelingsRecorded = i < 8,
            });
        }

        // Attendance: 20 children × 10 weeks × 10 sessions; C00–C04 one authorised absence a week, C05–C09 one unauthorised.
        for (var i = 0; i < 20; i++)
        {
            for (var w = 0; w < 10; w++)
            {
                if (i == 19 && w == 0)
                {
                    continue; // sent below as an original and a correction
                }
                events.Add(Week(C(i), D(2016, 9, 5).AddDays(7 * w), T, authorised: i < 5 ? 1 : 0, unauthorised: i is >= 5 and < 10 ? 1 : 0));
            }
        }
        // C19's first week: the newer correction (no absences) must win over the older original arriving after it.
        events.Add(Week(C(19), D(2016, 9, 5), T.AddHours(1), 0, 0));
        events.Add(Week(C(19), D(2016, 9, 5), T.AddHours(-1), 0, 5));

        // Care leavers L00–L14 aged 18: 10 in EET (L00's earlier NEET record superseded), 10 suitably housed; L15 aged 22 is outside 17–21.
        for (var i = 0; i < 16; i++)
        {
            var age = i == 15 ? 22 : 18;
            events.Add(new CareLeaverActivityRecorded
            {
                EventId = Guid.NewGuid(), OccurredAt = T, SourceAgency = Agencies.LeavingCare, ChildKey = $"SCN-L{i:D2}",
                RecordedOn = D(2016, 9, 1), ActivityCode = i < 10 ? "F2" : "G4", InEducationEmploymentOrTraining = i < 10, InHigherEducation = false, AgeYears = age,
            });
            events.Add(new CareLeaverAccommodationRecorded
            {
                EventId = Guid.NewGuid(), OccurredAt = T, SourceAgency = Agencies.LeavingCare, ChildKey = $"SCN-L{i:D2}",
                RecordedOn = D(2016, 9, 1), AccommodationType = "T", Suitable = i is >= 5 and < 15, AgeYears = age,
            });
        }
        events.Add(new CareLeaverActivityRecorded
        {
            EventId = Guid.NewGuid(), OccurredAt = T, SourceAgency = Agencies.LeavingCare, ChildKey = "SCN-L00",
            RecordedOn = D(2016, 5, 1), ActivityCode = "G4", InEducationEmploymentOrTraining = false, InHigherEducation = false, AgeYears = 18,
        });

        // Missing: 12 returns in July 2016; 7 interviews accepted and completed, 2 accepted but not done, 3 declined.
        for (var i = 0; i < 12; i++)
        {
            var episode = Guid.NewGuid();
            var returned = new DateTimeOffset(2016, 7, 1, 18, 0, 0, TimeSpan.Zero);
            events.Add(new MissingEpisodeEnded
            {
                EventId = Guid.NewGuid(), OccurredAt = T, SourceAgency = Agencies.MissingTeam, ChildKey = $"SCN-M{i:D2}",
                EpisodeId = episode, StartedAt = returned.AddHours(-20), EndedAt = returned,
            });
            events.Add(new ReturnInterviewRecorded
            {
                EventId = Guid.NewGuid(), OccurredAt = T, SourceAgency = Agencies.MissingTeam, ChildKey = $"SCN-M{i:D2}",
                EpisodeId = episode, ReturnedAt = returned, OfferedAt = returned.AddHours(24), Accepted = i < 9,
                CompletedOn = i < 7 ? D(2016, 7, 2) : null, Concern = ExploitationConcern.None,
            });
        }
        return events;
    }

    private static AttendanceWeekSummarised Week(string child, DateOnly week, DateTimeOffset at, int authorised, int unauthorised) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = at, SourceAgency = Agencies.VirtualSchool, ChildKey = child,
        WeekStarting = week, PossibleSessions = 10, AuthorisedAbsences = authorised, UnauthorisedAbsences = unauthorised,
    };

    /// <summary>An earlier SSDA903 import of 2016/17 (collection year 2017), complete: 10 OC2 children, none convicted.</summary>
    public static List<IntegrationEvent> OldImportEvents() =>
    [
        .. Enumerable.Range(0, 10).Select(i => Oc2(OldImport, $"SCN-O{i:D2}", 12, false, T.AddDays(-1))),
        YearImported(OldImport, 10, T.AddDays(-1)),
    ];

    /// <summary>The re-import that replaces it: 20 OC2 children aged 12 (5 convicted) and 3 aged 9 (outside the measure).</summary>
    public static List<IntegrationEvent> NewImportEvents() =>
    [
        .. Enumerable.Range(0, 20).Select(i => Oc2(NewImport, $"SCN-O{i:D2}", 12, i < 5, T)),
        .. Enumerable.Range(20, 3).Select(i => Oc2(NewImport, $"SCN-O{i:D2}", 9, true, T)),
        YearImported(NewImport, 23, T),
    ];

    /// <summary>A record of the old import delivered after the re-import completed: it must not count.</summary>
    public static IntegrationEvent Straggler() => Oc2(OldImport, "SCN-O99", 12, true, T.AddDays(-1));

    private static Ssda903Oc2OutcomeImported Oc2(Guid import, string child, int age, bool convicted, DateTimeOffset at) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = at, SourceAgency = Agencies.SocialCare, ChildKey = child,
        ImportId = import, CollectionYear = 2017, AgeAtYearEnd = age, Convicted = convicted, HealthAssessmentUpToDate = true,
    };

    private static Ssda903YearImported YearImported(Guid import, int records, DateTimeOffset at) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = at, SourceAgency = Agencies.SocialCare, ChildKey = Ssda903YearImported.NoChild,
        ImportId = import, CollectionYear = 2017, Children = records, Episodes = 0, Oc2Records = records, Oc3Records = 0, MissingEpisodes = 0,
    };
}
