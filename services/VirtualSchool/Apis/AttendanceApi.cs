using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Partnership.ServiceDefaults.Auth;
using Partnership.ServiceDefaults.Http;
using Partnership.VirtualSchool.Attendance;
using Partnership.VirtualSchool.Data;
using Partnership.VirtualSchool.Domain;

namespace Partnership.VirtualSchool.Apis;

public static class AttendanceApi
{
    public const string CsvMediaType = "text/csv";
    public const string NdjsonMediaType = "application/x-ndjson";

    /// <summary>A year of marks for a large authority is a few tens of MB; the default 30 MB limit would cut it off.</summary>
    private const long MaxFeedBytes = 1L << 30;

    public static IEndpointRouteBuilder MapAttendanceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/virtual-school/attendance").WithTags("Attendance");
        group.MapPost("/bulk", ImportFeed)
            .RequireAuthorization(VirtualSchoolScopes.Write)
            .Accepts<string>(CsvMediaType, NdjsonMediaType)
            .ProducesValidationProblem()
            .WithSummary("Store a feed of session marks (CSV or JSON lines), all or nothing; re-sending is safe");
        group.MapPut("/{childKey}/{date}/{session}", CorrectMark)
            .RequireAuthorization(VirtualSchoolScopes.Write)
            .ProducesValidationProblem()
            .WithSummary("Replace one session's mark");
        group.MapGet("/", ListMarks)
            .RequireAuthorization(VirtualSchoolScopes.Read)
            .WithSummary("Session marks the caller's agency submitted, by child and date");
        group.MapGet("/absence", ListAbsence)
            .RequireAuthorization(VirtualSchoolScopes.Read)
            .WithSummary("Overall, authorised and unauthorised absence and persistent absence per child over a period");
        return app;
    }

    private static async Task<Results<Ok<AttendanceFeedAccepted>, ValidationProblem, ProblemHttpResult>> ImportFeed(
        HttpRequest request, ClaimsPrincipal user, AttendanceFeedImporter importer, CancellationToken ct)
    {
        if (user.Agency() is not { } agency)
        {
            return TypedResults.Problem("The token names no agency.", statusCode: StatusCodes.Status403Forbidden);
        }
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        Func<Stream, CancellationToken, IAsyncEnumerable<AttendanceFeedLine>>? read = mediaType?.ToLowerInvariant() switch
        {
            CsvMediaType => CsvAttendanceReader.ReadAsync,
            NdjsonMediaType or "application/jsonl" or "application/jsonlines" => NdjsonAttendanceReader.ReadAsync,
            _ => null,
        };
        if (read is null)
        {
            return TypedResults.Problem($"Send the feed as {CsvMediaType} or {NdjsonMediaType}.",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxFeedBytes;
        }

        var (accepted, rejected) = await importer.ImportAsync(read(request.Body, ct), agency, ct);
        return accepted is not null ? TypedResults.Ok(accepted) : Rejection(rejected!);
    }

    private static async Task<Results<Ok<AttendanceMarkResponse>, ValidationProblem, ProblemHttpResult>> CorrectMark(
        string childKey, string date, string session, CorrectAttendanceMarkRequest? body,
        ClaimsPrincipal user, VirtualSchoolDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (user.Agency() is not { } agency)
        {
            return TypedResults.Problem("The token names no agency.", statusCode: StatusCodes.Status403Forbidden);
        }
        // Validated by the feed's own row parser; stored and summarised by the feed's rules without its bulk machinery.
        var line = new AttendanceFeedLine(1, childKey.AsMemory(), date.AsMemory(), session.AsMemory(), (body?.Mark ?? "").AsMemory());
        var errors = new List<AttendanceRowError>();
        if (!AttendanceRowParser.TryParse(line, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), errors, out var row))
        {
            return TypedResults.ValidationProblem(
                errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: "The request is invalid.");
        }

        await AttendanceCorrection.RecordAsync(db, row, agency, clock.GetUtcNow(), clock, ct);
        var stored = await db.AttendanceMarks.AsNoTracking()
            .SingleAsync(m => m.ChildKey == row.ChildKey && m.Date == row.Date && m.Session == row.Session, ct);
        return TypedResults.Ok(stored.ToResponse());
    }

    private static async Task<Ok<PagedResult<AttendanceMarkResponse>>> ListMarks(
        ClaimsPrincipal user, VirtualSchoolDbContext db, CancellationToken ct,
        string? childKey = null, DateOnly? from = null, DateOnly? to = null, int? page = null, int? pageSize = null)
    {
        var agency = user.Agency();
        var query = db.AttendanceMarks.AsNoTracking().Where(m => m.SubmittedByAgency == agency);
        if (!string.IsNullOrEmpty(childKey))
        {
            query = query.Where(m => m.ChildKey == childKey);
        }
        if (from is { } start)
        {
            query = query.Where(m => m.Date >= start);
        }
        if (to is { } end)
        {
            query = query.Where(m => m.Date <= end);
        }
        var result = await query.OrderBy(m => m.ChildKey).ThenBy(m => m.Date).ThenBy(m => m.Session)
            .ToPagedResultAsync(page, pageSize, m => m.ToResponse(), ct);
        return TypedResults.Ok(result);
    }

    private static async Task<Ok<PagedResult<ChildAbsenceResponse>>> ListAbsence(
        ClaimsPrincipal user, VirtualSchoolDbContext db, CancellationToken ct,
        DateOnly? from = null, DateOnly? to = null, string? childKey = null, int? page = null, int? pageSize = null)
    {
        var agency = user.Agency();
        var marks = db.AttendanceMarks.AsNoTracking().Where(m => m.SubmittedByAgency == agency);
        if (!string.IsNullOrEmpty(childKey))
        {
            marks = marks.Where(m => m.ChildKey == childKey);
        }
        if (from is { } start)
        {
            marks = marks.Where(m => m.Date >= start);
        }
        if (to is { } end)
        {
            marks = marks.Where(m => m.Date <= end);
        }
        var perChild = marks.GroupBy(m => m.ChildKey).Select(g => new
        {
            ChildKey = g.Key,
            Possible = g.Count(m => m.Category != AttendanceCategory.NotPossible),
            Authorised = g.Count(m => m.Category == AttendanceCategory.AuthorisedAbsence),
            Unauthorised = g.Count(m => m.Category == AttendanceCategory.UnauthorisedAbsence),
        }).OrderBy(c => c.ChildKey);
        var result = await perChild.ToPagedResultAsync(page, pageSize, c =>
        {
            var rates = new AbsenceRates(c.Possible, c.Authorised, c.Unauthorised);
            return new ChildAbsenceResponse(c.ChildKey, rates.PossibleSessions, rates.AuthorisedAbsences, rates.UnauthorisedAbsences,
                rates.OverallPercent, rates.AuthorisedPercent, rates.UnauthorisedPercent, rates.PersistentlyAbsent);
        }, ct);
        return TypedResults.Ok(result);
    }

    private static ValidationProblem Rejection(AttendanceFeedRejected rejected) => TypedResults.ValidationProblem(
        rejected.Errors.GroupBy(e => e.Row == 0 ? e.Field : $"rows[{e.Row}].{e.Field}")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
        detail: $"{rejected.InvalidRows} of {rejected.RowsReceived} rows are invalid, so nothing was stored. Fix them and re-send the whole feed.",
        title: "The attendance feed was rejected.",
        extensions: new Dictionary<string, object?>
        {
            ["rowsReceived"] = rejected.RowsReceived,
            ["invalidRows"] = rejected.InvalidRows,
            ["rowErrors"] = rejected.Errors,
        });

    private static AttendanceMarkResponse ToResponse(this AttendanceMark m) =>
        new(m.ChildKey, m.Date, m.Session.ToString(), m.Mark, m.Category.ToString(), m.RecordedAt);
}
