using System.Collections.Concurrent;
using System.Diagnostics;

namespace Partnership.Bench.Platform;

/// <summary>
/// When each AppHost resource started, ran, became healthy or finished, and stopped, from Aspire's own resource
/// notifications, so the report shows where the start-up time goes (which resource the others were waiting for).
/// </summary>
public sealed class StartupTimeline : IAsyncDisposable
{
    private readonly Stopwatch clock;
    private readonly ConcurrentDictionary<string, Marks> marks = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task watching;

    /// <summary>Times are read from <paramref name="clock"/>, the one the start-up phases are measured with.</summary>
    public StartupTimeline(ResourceNotificationService notifications, Stopwatch clock)
    {
        this.clock = clock;
        watching = WatchAsync(notifications, stop.Token);
    }

    /// <summary>Rows of resource, starting, running, healthy (or finished), running → healthy, stopped; in order of readiness.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows(IEnumerable<string> resources) =>
        resources
            .Select(name => (name, mark: marks.GetValueOrDefault(name) ?? new Marks()))
            .OrderBy(r => r.mark.Ready ?? TimeSpan.MaxValue)
            .Select(r => (IReadOnlyList<string>)[r.name, Seconds(r.mark.Starting), Seconds(r.mark.Running), Seconds(r.mark.Ready),
                r.mark.Running is { } running && r.mark.Ready is { } ready ? $"{(ready - running).TotalSeconds:F1}" : "–",
                Seconds(r.mark.Stopped)])
            .ToList();

    private async Task WatchAsync(ResourceNotificationService notifications, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var e in notifications.WatchAsync(cancellationToken))
            {
                var at = clock.Elapsed;
                var mark = marks.GetOrAdd(e.Resource.Name, _ => new Marks());
                var state = e.Snapshot.State?.Text;
                if (state == KnownResourceStates.Starting)
                {
                    mark.Starting ??= at;
                }
                else if (state == KnownResourceStates.Running)
                {
                    mark.Running ??= at;
                    if (e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
                    {
                        mark.Ready ??= at;
                    }
                }
                else if (KnownResourceStates.TerminalStates.Contains(state))
                {
                    if (mark.Ready is null)
                    {
                        mark.Ready = at;
                        mark.Finished = true;
                    }
                    else if (!mark.Finished)
                    {
                        mark.Stopped ??= at;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static string Seconds(TimeSpan? at) => at is { } t ? $"{t.TotalSeconds:F1}" : "–";

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await watching;
        stop.Dispose();
    }

    private sealed class Marks
    {
        public TimeSpan? Starting { get; set; }
        public TimeSpan? Running { get; set; }
        /// <summary>Healthy for a long-running resource, finished for a one-shot step.</summary>
        public TimeSpan? Ready { get; set; }
        public TimeSpan? Stopped { get; set; }
        /// <summary>A one-shot step: it finished before it could be stopped.</summary>
        public bool Finished { get; set; }
    }
}
