using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Partnership.Board.Pseudonymisation;
using Partnership.Bench.Measure;
using Partnership.Bench.Platform;
using Partnership.ServiceDefaults.Privacy;
using Partnership.VirtualSchool.Apis;
using Partnership.VirtualSchool.Attendance;

namespace Partnership.Bench.Pipeline;

/// <summary>
/// The three kinds of event issue 7 names, a third each, at a fixed offered load or at saturation, each through the
/// gateway with its own agency's token: initial health assessments (health-system), missing episodes reported by
/// police (police-system) and single attendance marks from the virtual school (virtual-school-system, the correction
/// endpoint). Freshness runs from each call's answer to the board fact it produces, per kind.
/// </summary>
public sealed class MixedLoad(BenchPlatform platform, string boardConnection, string sharingConnection)
{
    public enum Kind { Assessment, Missing, Attendance }

    /// <param name="SharedChild">The child key sharing records its decisions under, for the kinds it routes (not attendance).</param>
    private sealed record Sent(Kind Kind, string Key, DateTimeOffset ReturnedAt, string? SharedChild = null);

    /// <param name="Throughput">Per kind, its board facts ÷ (its last fact's ReceivedAt − the first call).</param>
    /// <param name="EveryWriteThroughput">
    /// Board facts ÷ (the later of the last fact and sharing's last decision − the first call): the platform's rate to
    /// the writes the in-process baseline makes.
    /// </param>
    public sealed record Result(int Offered, int Accepted, int Failed, double SendSeconds, IReadOnlyDictionary<Kind, Percentiles> Freshness,
        Percentiles All, int Seen, CpuReport Cpu, string? FirstFailure, IReadOnlyDictionary<Kind, double> Throughput, double AllThroughput,
        int DecisionsSeen, int DecisionsExpected, double EveryWriteThroughput);

    private string? firstFailure;

    /// <summary>Open loop at <paramref name="rate"/> calls a second: freshness at a fixed offered load.</summary>
    public Task<Result> RunAsync(string tag, int rate, int seconds, TimeSpan factWait) =>
        LoadAsync(tag, rate * seconds, factWait, (total, call) => OpenLoop.RunAsync(rate, total, call));

    /// <summary>Closed loop with <paramref name="concurrency"/> callers: throughput and freshness at saturation.</summary>
    public Task<Result> SaturateAsync(string tag, int total, int concurrency, TimeSpan factWait) =>
        LoadAsync(tag, total, factWait, (n, call) => ClosedLoop.RunAsync(concurrency, n, call));

    private async Task<Result> LoadAsync(string tag, int total, TimeSpan factWait,
        Func<int, Func<int, Task<Sent?>>, Task<(List<Sent> Results, int Failed, double SendSeconds)>> loop)
    {
        var clients = new Dictionary<Kind, HttpClient>
        {
            [Kind.Assessment] = await platform.ClientAsync("health-system", "health.write"),
            [Kind.Missing] = await platform.ClientAsync("police-system", "missing.write"),
            [Kind.Attendance] = await platform.ClientAsync("virtual-school-system", "virtual-school.write"),
        };
        firstFailure = null;
        var cpu = CpuProfile.Start(platform.Processes);
        var started = DateTimeOffset.UtcNow;
        var (sent, failed, sendSeconds) = await loop(total, n =>
        {
            var kind = (Kind)(n % 3);
            return SendAsync(clients[kind], kind, tag, n);
        });

        var deadline = Stopwatch.StartNew();
        var received = await AwaitFactsAsync(sent, factWait);
        // Sharing routes assessments and missing episodes (two decisions each: the other agency and the board).
        var shared = sent.Where(s => s.SharedChild is not null).Select(s => s.SharedChild!).ToArray();
        var (decisions, lastDecision) = await SharingDecisions.AwaitAsync(sharingConnection, shared, 2 * shared.Length, factWait - deadline.Elapsed);
        var cpuReport = cpu.Stop();
        var lastFact = received.Count == 0 ? started : received.Values.Max();
        var lastWrite = lastDecision is { } d && d > lastFact ? d : lastFact;
        var freshness = sent.Where(s => received.ContainsKey((s.Kind, s.Key)))
            .Select(s => (s.Kind, Ms: (received[(s.Kind, s.Key)] - s.ReturnedAt).TotalMilliseconds)).ToList();
        double Rate(IEnumerable<DateTimeOffset> facts)
        {
            var list = facts.ToList();
            return list.Count == 0 ? 0 : list.Count / Math.Max(0.001, (list.Max() - started).TotalSeconds);
        }
        return new Result(total, sent.Count, failed, sendSeconds,
            Enum.GetValues<Kind>().ToDictionary(k => k, k => new Percentiles(freshness.Where(f => f.Kind == k).Select(f => f.Ms))),
            new Percentiles(freshness.Select(f => f.Ms)), received.Count, cpuReport, firstFailure,
            Enum.GetValues<Kind>().ToDictionary(k => k, k => Rate(received.Where(r => r.Key.Item1 == k).Select(r => r.Value))),
            Rate(received.Values), decisions, 2 * shared.Length, received.Count / Math.Max(0.001, (lastWrite - started).TotalSeconds));
    }

    private async Task<Sent?> SendAsync(HttpClient client, Kind kind, string tag, int i)
    {
        var now = DateTimeOffset.UtcNow;
        switch (kind)
        {
            case Kind.Assessment:
            {
                using var response = await client.PostAsJsonAsync("/api/health/assessments", AssessmentRequests.Create(tag + "A", i));
                return await CreatedAsync(kind, response, DateTimeOffset.UtcNow, "D", AssessmentRequests.Create(tag + "A", i).ChildKey);
            }
            case Kind.Missing:
            {
                var request = MixedRequests.MissingEpisode(tag, i, now);
                using var response = await client.PostAsJsonAsync("/api/missing/episodes", request);
                return await CreatedAsync(kind, response, DateTimeOffset.UtcNow, "N", request.ChildKey);
            }
            default:
            {
                var (childKey, day, session, mark) = MixedRequests.AttendanceMark(tag, i, DateOnly.FromDateTime(now.UtcDateTime));
                using var response = await client.PutAsJsonAsync(
                    $"/api/virtual-school/attendance/{childKey}/{day:yyyy-MM-dd}/{session}", new CorrectAttendanceMarkRequest(mark));
                var returnedAt = DateTimeOffset.UtcNow;
                // The board keys a child's school week by its own pseudonym (the AppHost runs with the development key).
                var key = $"{KeyedPseudonym.Compute(PseudonymisationOptions.DevelopmentKey, childKey)}|{WeeklyAttendanceSummaries.WeekStarting(day):yyyy-MM-dd}";
                return response.StatusCode == HttpStatusCode.OK ? new Sent(kind, key, returnedAt) : await FailedAsync(kind, response);
            }
        }
    }

    /// <summary>A 201's id, in the format its board fact keys it by (health facts by the Guid, child facts by its "N" form).</summary>
    private async Task<Sent?> CreatedAsync(Kind kind, HttpResponseMessage response, DateTimeOffset returnedAt, string idFormat, string? sharedChild) =>
        response.StatusCode == HttpStatusCode.Created
            ? new Sent(kind, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid().ToString(idFormat), returnedAt, sharedChild)
            : await FailedAsync(kind, response);

    private async Task<Sent?> FailedAsync(Kind kind, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Interlocked.CompareExchange(ref firstFailure, $"{kind}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}", null);
        return null;
    }

    /// <summary>Polls the board until every accepted event's fact is stored (or the wait runs out); ReceivedAt per fact.</summary>
    private async Task<Dictionary<(Kind, string), DateTimeOffset>> AwaitFactsAsync(List<Sent> sent, TimeSpan factWait)
    {
        var assessments = sent.Where(s => s.Kind == Kind.Assessment).Select(s => Guid.Parse(s.Key)).ToArray();
        var missing = sent.Where(s => s.Kind == Kind.Missing).Select(s => s.Key).ToArray();
        var weeks = sent.Where(s => s.Kind == Kind.Attendance).Select(s => s.Key).ToArray();
        var received = new Dictionary<(Kind, string), DateTimeOffset>();
        await using var connection = new NpgsqlConnection(boardConnection);
        await connection.OpenAsync();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            received.Clear();
            await ReadAsync(connection, """SELECT "AssessmentId"::text, "ReceivedAt" FROM health_assessment_facts WHERE "AssessmentId" = ANY(@keys)""",
                assessments, Kind.Assessment, received);
            await ReadAsync(connection, "SELECT key, received_at FROM child_facts WHERE kind = 'MissingStarted' AND key = ANY(@keys)", missing, Kind.Missing, received);
            await ReadAsync(connection, "SELECT key, received_at FROM child_facts WHERE kind = 'AttendanceWeek' AND key = ANY(@keys)", weeks, Kind.Attendance, received);
            if (received.Count >= sent.Count || deadline.Elapsed > factWait)
            {
                return received;
            }
            await Task.Delay(200);
        }
    }

    private static async Task ReadAsync<T>(NpgsqlConnection connection, string sql, T[] keys, Kind kind, Dictionary<(Kind, string), DateTimeOffset> received)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("keys", keys);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            received[(kind, reader.GetString(0))] = reader.GetFieldValue<DateTimeOffset>(1);
        }
    }
}
