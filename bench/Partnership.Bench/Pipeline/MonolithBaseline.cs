using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using Partnership.Board.Data;
using Partnership.Board.Domain;
using Partnership.Board.Pseudonymisation;
using Partnership.Health.Apis;
using Partnership.Health.Data;
using Partnership.Health.Domain;
using Partnership.Health.Validation;
using Partnership.ServiceDefaults.Persistence;

namespace Partnership.Bench.Pipeline;

/// <summary>
/// What the pipeline would cost as one process: the health service's own validator, then the same database writes
/// (the health row; with <see cref="MonolithSharing"/>, the sharing decisions, their audit entries and the board's
/// inbox row; then the pseudonymised board fact) through the services' own DbContexts and schemas, on the same
/// PostgreSQL server, with no HTTP, no token, no outbox and no broker.
/// </summary>
public sealed class MonolithBaseline
{
    private readonly MonolithSharing? sharing;
    private readonly long[] phaseTicks = new long[3];

    /// <summary>Wall time the last run's callers spent in each write, summed over callers (waits for locks and commits included).</summary>
    public string DescribePhases() =>
        $"health {Seconds(0):F1}s, sharing {Seconds(1):F1}s, board {Seconds(2):F1}s of callers' time";

    private double Seconds(int phase) => Interlocked.Read(ref phaseTicks[phase]) / (double)Stopwatch.Frequency;
    // Pooled, as the services' contexts are.
    private readonly PooledDbContextFactory<HealthDbContext> health;
    private readonly PooledDbContextFactory<BoardDbContext> board;
    private readonly RecordHealthAssessmentRequestValidator validator = new(TimeProvider.System);
    private readonly ChildPseudonymiser pseudonymiser = new(Options.Create(new PseudonymisationOptions { Key = PseudonymisationOptions.DevelopmentKey }));

    private MonolithBaseline(string healthConnection, string boardConnection, MonolithSharing? sharing)
    {
        this.sharing = sharing;
        // The services' own connection settings, so the baseline is not slower for want of statement preparation.
        health = new(new DbContextOptionsBuilder<HealthDbContext>().UseNpgsql(PostgresConnectionSettings.ForService(healthConnection)).Options);
        board = new(new DbContextOptionsBuilder<BoardDbContext>().UseNpgsql(PostgresConnectionSettings.ForService(boardConnection)).Options);
    }

    public static async Task<MonolithBaseline> CreateAsync(string healthConnection, string boardConnection, MonolithSharing? sharing = null)
    {
        var baseline = new MonolithBaseline(healthConnection, boardConnection, sharing);
        await using (var db = baseline.health.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }
        await using (var db = baseline.board.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }
        return baseline;
    }

    /// <summary>Events per second with <paramref name="concurrency"/> workers, like the platform run's HTTP callers.</summary>
    public async Task<double> RunAsync(string runTag, int events, int concurrency)
    {
        Array.Clear(phaseTicks);
        var seconds = await ClosedLoop.RunAsync(concurrency, events, i => RecordAsync(AssessmentRequests.Create(runTag, i)));
        return events / seconds;
    }

    internal async Task RecordAsync(Partnership.Health.Apis.RecordHealthAssessmentRequest request)
    {
        var validation = await validator.ValidateAsync(request);
        if (!validation.IsValid)
        {
            throw new InvalidOperationException("The bench generated an invalid assessment: " + validation);
        }
        var assessment = new HealthAssessment
        {
            Id = Guid.CreateVersion7(),
            ChildKey = request.ChildKey!,
            AssessmentType = Contracts.Health.V1.HealthAssessmentType.Initial,
            DueDate = request.DueDate!.Value,
            CompletedOn = request.CompletedOn!.Value,
            DentalCheckUpToDate = request.DentalCheckUpToDate,
            ImmunisationsUpToDate = request.ImmunisationsUpToDate,
            SdqScore = request.SdqScore,
            WishesAndFeelingsRecorded = request.WishesAndFeelingsRecorded,
            SubmittedByAgency = Partnership.Contracts.Agencies.Health,
            SubmittedBy = "health-system",
            RecordedAt = DateTimeOffset.UtcNow,
        };
        var started = Stopwatch.GetTimestamp();
        await using (var db = health.CreateDbContext())
        {
            db.Assessments.Add(assessment);
            await db.SaveChangesAsync();
        }
        var healthDone = Stopwatch.GetTimestamp();
        Interlocked.Add(ref phaseTicks[0], healthDone - started);
        if (sharing is not null)
        {
            await sharing.RouteAsync(assessment.ToCompletedEvent());
        }
        var sharingDone = Stopwatch.GetTimestamp();
        Interlocked.Add(ref phaseTicks[1], sharingDone - healthDone);
        await using (var db = board.CreateDbContext())
        {
            db.HealthAssessments.Add(new HealthAssessmentFact
            {
                AssessmentId = assessment.Id,
                ChildPseudonym = pseudonymiser.Pseudonymise(assessment.ChildKey),
                AssessmentType = assessment.AssessmentType,
                DueDate = assessment.DueDate,
                CompletedOn = assessment.CompletedOn,
                WithinTimescale = assessment.WithinTimescale,
                WishesAndFeelingsRecorded = assessment.WishesAndFeelingsRecorded,
                SourceEventId = Guid.CreateVersion7(),
                OccurredAt = assessment.RecordedAt,
                ReceivedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        Interlocked.Add(ref phaseTicks[2], Stopwatch.GetTimestamp() - sharingDone);
    }
}
