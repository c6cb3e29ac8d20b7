using System.Text.Json;
using Partnership.Board.Catalogue;
using Partnership.Board.Indicators;
using Partnership.Board.Tests.Infrastructure;
using Partnership.Board.Tests.Oracles;
using Partnership.Contracts;
using Partnership.Contracts.VirtualSchool.V1;

namespace Partnership.Board.Tests.Api;

/// <summary>
/// The board fed <see cref="MeasureScenario"/> through the real broker (the first batch, then redeliveries, corrections
/// and stale versions), with each plan's overview read once per checked period.
/// </summary>
public sealed class MeasureOracleFixture : IAsyncLifetime
{
    public static readonly PlanCatalogue Catalogue = PlanCatalogue.LoadEmbedded();

    /// <summary>The year every measure must be publishable in, and a quarter whose cohorts and windows differ.</summary>
    public static readonly ReportingPeriod Year = new(2016, null);
    public static readonly ReportingPeriod Quarter = new(2016, 3);

    /// <summary>A later year whose only records are inconsistent attendance (more absences than sessions).</summary>
    public static readonly ReportingPeriod FaultyYear = new(2018, null);

    public BoardHost Host { get; } = new();

    public World World { get; private set; } = null!;

    public Dictionary<(string Plan, ReportingPeriod Period), JsonElement> Overviews { get; } = [];

    public async ValueTask InitializeAsync()
    {
        var scenario = MeasureScenario.Build();
        World = scenario.World;
        RequireEstimableAges(World, Year.To, Quarter.To);

        await Host.InitializeAsync();
        await Host.PublishAndWaitAsync(scenario.FirstBatch);
        await Host.PublishAndWaitAsync(scenario.SecondBatch);
        await Host.PublishAndWaitAsync(FaultyAttendance());

        using var http = await Host.ReaderAsync();
        foreach (var plan in Catalogue.Plans)
        {
            foreach (var period in new[] { Year, Quarter, FaultyYear })
            {
                var query = $"/api/board/indicators?plan={plan.Id}&year={period.FinancialYear}" + (period.Quarter is { } q ? $"&quarter={q}" : "");
                Overviews[(plan.Id, period)] = await Json.ReadAsync(await http.GetAsync(query));
            }
        }
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    /// <summary>
    /// No date of birth reaches the board, so it takes age at a date as the age at entry plus whole 365-day years since
    /// (5.4 and 5.6 say so in their review notes). The oracle uses true ages; this keeps the scenario to children for
    /// whom the two agree, so that a difference in the tests is a fault and not that known approximation.
    /// </summary>
    private static void RequireEstimableAges(World world, params DateOnly[] dates)
    {
        var wrong = (from stay in world.Stays
                     from date in dates
                     where stay.Entered <= date && (stay.Ceased is null || stay.Ceased > date)
                     let estimate = stay.AgeAtEntry + (date.DayNumber - stay.Entered.DayNumber) / 365
                     where estimate != World.AgeOn(stay.Born, date)
                     select $"{stay.Child} is {World.AgeOn(stay.Born, date)} on {date:yyyy-MM-dd} but would be estimated {estimate}").ToList();
        if (wrong.Count > 0)
        {
            throw new InvalidOperationException("Scenario ages the board cannot estimate: " + string.Join("; ", wrong));
        }
    }

    /// <summary>Five children, one week each in May 2018: 10 sessions possible, 6 authorised and 6 unauthorised absences.</summary>
    private static List<IntegrationEvent> FaultyAttendance() =>
    [
        .. Enumerable.Range(0, 5).Select(i => new AttendanceWeekSummarised
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, SourceAgency = Agencies.VirtualSchool, ChildKey = $"ORC-F{i:D2}",
            WeekStarting = new DateOnly(2018, 5, 7), PossibleSessions = 10, AuthorisedAbsences = 6, UnauthorisedAbsences = 6,
        }),
    ];
}
