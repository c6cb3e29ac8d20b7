using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Partnership.Health.Apis;

namespace Partnership.Bench.Board;

/// <summary>
/// From a health assessment accepted (201) through the gateway to the board's stored overview counting it: the
/// overview is polled until <see cref="Indicator"/>'s denominator for <see cref="Year"/> has grown. The
/// pipeline's loads complete their assessments in the current financial year, so a probe's assessment (completed in
/// <see cref="Year"/>) is the only thing that moves that denominator, and probes can run beside a load.
/// </summary>
/// <param name="poll">How often the overview is read while a probe waits: each read is a call through the gateway, so a
/// probe beside a load polls less often than one on a quiet machine.</param>
public sealed class IndicatorFreshness(HttpClient board, HttpClient health, TimeSpan poll)
{
    public const int Year = 2025;
    public const string Overview = "/api/board/indicators?year=2025";
    public const string Indicator = "HA-TIMELY";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
    private int sent;

    public List<string> Failures { get; } = [];

    /// <summary>
    /// A denominator of 1 to 4 is published hidden, so a probe could not see it grow from nought: on a board with
    /// fewer than five assessments in <see cref="Year"/>, five are recorded first (unmeasured).
    /// </summary>
    public async Task EnsureVisibleAsync(string tag)
    {
        // Nought is published too, but one more would then be hidden.
        const int shown = 5;
        if (await DenominatorAsync() >= shown)
        {
            return;
        }
        for (var i = 0; i < shown; i++)
        {
            using var response = await health.PostAsJsonAsync("/api/health/assessments", Request($"{tag}-seed", i));
            response.EnsureSuccessStatusCode();
        }
        var waited = Stopwatch.StartNew();
        while (await DenominatorAsync() < shown && waited.Elapsed < Limit)
        {
            await Task.Delay(50);
        }
    }

    /// <returns>Milliseconds from the 201 to the overview counting the assessment, or null (with the reason in <see cref="Failures"/>).</returns>
    public async Task<double?> ProbeAsync(string tag)
    {
        var probe = sent++;
        var before = await DenominatorAsync();
        using var response = await health.PostAsJsonAsync("/api/health/assessments", Request(tag, probe));
        var accepted = Stopwatch.StartNew();
        if (!response.IsSuccessStatusCode)
        {
            Failures.Add($"freshness probe POST answered {(int)response.StatusCode}");
            return null;
        }
        while (accepted.Elapsed < Limit && await DenominatorAsync() <= before)
        {
            await Task.Delay(poll);
        }
        if (accepted.Elapsed >= Limit)
        {
            Failures.Add($"freshness probe {tag}-{probe} not visible after {Limit.TotalSeconds:F0} s");
            return null;
        }
        return accepted.Elapsed.TotalMilliseconds;
    }

    /// <summary>
    /// Probes one after another while <paramref name="load"/> runs, each after a pause drawn from
    /// [<paramref name="shortest"/>, <paramref name="longest"/>) (seeded, so runs repeat). A fixed pause locked the
    /// probes to the refresher's cycle (then one second): each was posted the same time after a recomputation and waited the
    /// same time for the next (776–856 ms over 31 probes with a 200 ms pause).
    /// </summary>
    public async Task<List<double>> WhileAsync(Task load, TimeSpan shortest, TimeSpan longest, string tag)
    {
        var times = new List<double>();
        var pauses = new Random(2025);
        while (!load.IsCompleted)
        {
            await Task.Delay(shortest + (longest - shortest) * pauses.NextDouble());
            if (await ProbeAsync(tag) is { } ms)
            {
                times.Add(ms);
            }
        }
        return times;
    }

    private static RecordHealthAssessmentRequest Request(string tag, int n)
    {
        var completed = new DateOnly(Year, 6, 1).AddDays(n % 200);
        return new RecordHealthAssessmentRequest(
            ChildKey: $"BENCH-FRESH-{tag}-{n}", AssessmentType: "Review", DueDate: completed.AddDays(10),
            CompletedOn: completed, DentalCheckUpToDate: true, ImmunisationsUpToDate: true, SdqScore: 10, WishesAndFeelingsRecorded: true);
    }

    /// <returns>The published denominator, or -1 while it is hidden as a small number.</returns>
    private async Task<int> DenominatorAsync()
    {
        var overview = await board.GetFromJsonAsync<JsonElement>(Overview);
        var indicator = overview.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetString() == Indicator);
        return indicator.GetProperty("denominator").GetProperty("value") is { ValueKind: JsonValueKind.Number } d ? d.GetInt32() : -1;
    }
}
