using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Partnership.Faults.Tests.Accounting;

/// <summary>
/// A steady stream of health assessments through the health service's real HTTP API. Every request is recorded:
/// sent, and either accepted (201, with the assessment id the service returned) or failed (status or error). Child
/// keys carry the scenario's prefix, so the databases can be asked about exactly this scenario's events.
/// </summary>
public sealed class AssessmentStream
{
    private const int MaxInFlight = 32;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _inFlight = new(MaxInFlight);
    private readonly ConcurrentDictionary<Task, byte> _requests = new();
    private readonly ConcurrentDictionary<Guid, DateTime> _accepted = new();
    private readonly ConcurrentBag<string> _failures = [];
    private readonly Task _loop;
    private int _sent;

    private AssessmentStream(HttpClient http, string prefix, int perSecond)
    {
        _http = http;
        Prefix = prefix;
        _loop = Task.Run(() => RunAsync(perSecond));
    }

    public string Prefix { get; }
    public int Sent => Volatile.Read(ref _sent);
    public IReadOnlyDictionary<Guid, DateTime> Accepted => _accepted;
    public IReadOnlyCollection<string> Failures => _failures;

    public static AssessmentStream Start(HttpClient http, string prefix, int perSecond = 25) => new(http, prefix, perSecond);

    /// <summary>Stops sending and waits for every request already sent to get its answer (each is bounded by the client timeout).</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        await Task.WhenAll(_requests.Keys);
    }

    /// <summary>Sends one assessment outside the steady rhythm and returns its outcome.</summary>
    public async Task<Guid?> SendOneAsync()
    {
        var n = Interlocked.Increment(ref _sent);
        return await PostAsync(n);
    }

    public int AcceptedAfter(DateTime moment) => _accepted.Values.Count(at => at > moment);

    private async Task RunAsync(int perSecond)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / perSecond));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                // A stalled service is not flooded: past the in-flight limit, ticks are skipped rather than queued.
                if (!_inFlight.Wait(0))
                {
                    continue;
                }
                var n = Interlocked.Increment(ref _sent);
                var request = PostAsync(n);
                _requests.TryAdd(request, 0);
                _ = request.ContinueWith(t => { _inFlight.Release(); _requests.TryRemove(t, out _); }, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<Guid?> PostAsync(int n)
    {
        var completedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30);
        var body = new
        {
            childKey = $"{Prefix}{n:D5}",
            assessmentType = "Initial",
            dueDate = completedOn.AddDays(3),
            completedOn,
            dentalCheckUpToDate = true,
            sdqScore = n % 41,
        };
        try
        {
            using var response = await _http.PostAsJsonAsync("/api/health/assessments", body);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var created = await response.Content.ReadFromJsonAsync<JsonElement>();
                var id = created.GetProperty("id").GetGuid();
                _accepted[id] = DateTime.UtcNow;
                return id;
            }
            _failures.Add($"HTTP {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or JsonException)
        {
            _failures.Add(ex.GetType().Name);
        }
        return null;
    }
}
