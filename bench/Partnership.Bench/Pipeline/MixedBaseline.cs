using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Partnership.Board.Data;
using Partnership.Board.Pseudonymisation;
using Partnership.Missing.Apis;
using Partnership.Missing.Data;
using Partnership.Missing.Validation;
using Partnership.ServiceDefaults.Persistence;
using Partnership.VirtualSchool.Attendance;
using Partnership.VirtualSchool.Data;
using BoardAttendanceWeek = Partnership.Board.Consumers.AttendanceWeekSummarisedConsumer;
using BoardMissingStarted = Partnership.Board.Consumers.MissingEpisodeStartedConsumer;

namespace Partnership.Bench.Pipeline;

/// <summary>
/// The three-kinds load as one process, a third each, at the platform's concurrency: assessments through
/// <see cref="MonolithBaseline"/>; missing episodes through the missing service's validator, its open-episode check
/// and episode insert, sharing's decisions (<see cref="MonolithSharing"/>) and the board consumer's fact upsert;
/// attendance marks through the feed's row parser, the correction's upsert, locks and week count
/// (<see cref="AttendanceCorrection.ApplyAsync"/>) and the board's weekly fact. The services' own code and schemas
/// on the same PostgreSQL server, with no HTTP, token, outbox, broker or inbox.
/// </summary>
public sealed class MixedBaseline : IAsyncDisposable
{
    private const string PoliceAgency = Partnership.Contracts.Agencies.Police;
    private const string VirtualSchoolAgency = Partnership.Contracts.Agencies.VirtualSchool;

    private readonly MonolithBaseline assessments;
    private readonly MonolithSharing sharing;
    private readonly PooledDbContextFactory<MissingDbContext> missing;
    private readonly PooledDbContextFactory<VirtualSchoolDbContext> virtualSchool;
    private readonly string board;
    private readonly BoardDbContext unusedBoardContext;
    private readonly BoardMissingStarted missingFacts;
    private readonly BoardAttendanceWeek attendanceFacts;
    private readonly StartEpisodeRequestValidator missingValidator = new(TimeProvider.System);

    private MixedBaseline(MonolithBaseline assessments, MonolithSharing sharing, string missingConnection, string virtualSchoolConnection,
        string boardConnection)
    {
        this.assessments = assessments;
        this.sharing = sharing;
        missing = new(new DbContextOptionsBuilder<MissingDbContext>().UseNpgsql(PostgresConnectionSettings.ForService(missingConnection)).Options);
        virtualSchool = new(new DbContextOptionsBuilder<VirtualSchoolDbContext>()
            .UseNpgsql(PostgresConnectionSettings.ForService(virtualSchoolConnection)).Options);
        // The same connection string as the assessments' board context, so both draw on one pool.
        board = PostgresConnectionSettings.ForService(boardConnection);
        // The consumers build the statement only; their context is never opened.
        unusedBoardContext = new BoardDbContext(new DbContextOptionsBuilder<BoardDbContext>().UseNpgsql(boardConnection).Options);
        var pseudonymiser = new ChildPseudonymiser(Options.Create(new PseudonymisationOptions { Key = PseudonymisationOptions.DevelopmentKey }));
        missingFacts = new BoardMissingStarted(unusedBoardContext, pseudonymiser, TimeProvider.System, NullLogger<BoardMissingStarted>.Instance);
        attendanceFacts = new BoardAttendanceWeek(unusedBoardContext, pseudonymiser, TimeProvider.System, NullLogger<BoardAttendanceWeek>.Instance);
    }

    /// <param name="boardConnection">The board database of <paramref name="assessments"/>, already migrated.</param>
    public static async Task<MixedBaseline> CreateAsync(MonolithBaseline assessments, MonolithSharing sharing, string missingConnection,
        string virtualSchoolConnection, string boardConnection)
    {
        var baseline = new MixedBaseline(assessments, sharing, missingConnection, virtualSchoolConnection, boardConnection);
        await using (var db = baseline.missing.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }
        await using (var db = baseline.virtualSchool.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }
        return baseline;
    }

    /// <summary>Events per second with <paramref name="concurrency"/> workers, the kinds in the platform run's order.</summary>
    public async Task<double> RunAsync(string runTag, int events, int concurrency)
    {
        var seconds = await ClosedLoop.RunAsync(concurrency, events, i => (MixedLoad.Kind)(i % 3) switch
        {
            MixedLoad.Kind.Assessment => assessments.RecordAsync(AssessmentRequests.Create(runTag + "A", i)),
            MixedLoad.Kind.Missing => StartEpisodeAsync(runTag, i),
            _ => CorrectMarkAsync(runTag, i),
        });
        return events / seconds;
    }

    private async Task StartEpisodeAsync(string runTag, int i)
    {
        var now = DateTimeOffset.UtcNow;
        var request = MixedRequests.MissingEpisode(runTag, i, now);
        var validation = await missingValidator.ValidateAsync(request);
        if (!validation.IsValid)
        {
            throw new InvalidOperationException("The bench generated an invalid missing episode: " + validation);
        }
        var episode = request.ToEpisode(PoliceAgency, "police-system", now);
        await using (var db = missing.CreateDbContext())
        {
            if (await db.HasOpenEpisodeAsync(episode.ChildKey, CancellationToken.None))
            {
                throw new InvalidOperationException($"The bench's child {episode.ChildKey} already has an open episode.");
            }
            db.Episodes.Add(episode);
            await db.SaveChangesAsync();
        }
        var started = episode.ToStartedEvent(now);
        await sharing.RouteAsync(started);
        await ExecuteAsync(missingFacts.StatementWithoutInbox(started));
    }

    private async Task CorrectMarkAsync(string runTag, int i)
    {
        var now = DateTimeOffset.UtcNow;
        var (childKey, day, session, mark) = MixedRequests.AttendanceMark(runTag, i, DateOnly.FromDateTime(now.UtcDateTime));
        var line = new AttendanceFeedLine(1, childKey.AsMemory(), day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture).AsMemory(),
            session.AsMemory(), mark.AsMemory());
        var errors = new List<AttendanceRowError>();
        if (!AttendanceRowParser.TryParse(line, DateOnly.FromDateTime(now.UtcDateTime), errors, out var row))
        {
            throw new InvalidOperationException("The bench generated an invalid attendance mark: " + string.Join("; ", errors.Select(e => e.Message)));
        }
        Partnership.Contracts.VirtualSchool.V1.AttendanceWeekSummarised summary;
        await using (var db = virtualSchool.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            summary = await AttendanceCorrection.ApplyAsync((NpgsqlConnection)db.Database.GetDbConnection(), row, VirtualSchoolAgency, now, CancellationToken.None);
            await transaction.CommitAsync();
        }
        await ExecuteAsync(attendanceFacts.StatementWithoutInbox(summary));
    }

    private async Task ExecuteAsync(PositionalSql statement)
    {
        await using var connection = new NpgsqlConnection(board);
        await connection.OpenAsync();
        await using var command = statement.ToCommand(connection);
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => unusedBoardContext.DisposeAsync();
}
