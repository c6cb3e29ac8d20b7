using System.Collections.Concurrent;
using System.Diagnostics;

namespace Partnership.Bench.Pipeline;

/// <summary>
/// Open loop: call number i is started at i/rate seconds whatever the answers take, so a slow platform shows up as
/// freshness and latency rather than as a lower offered rate, up to <see cref="MaxInFlight"/> calls waiting at once.
/// </summary>
public static class OpenLoop
{
    public const int MaxInFlight = 512;

    /// <returns>What the calls returned (null answers left out), how many returned null, and the seconds the sending took.</returns>
    public static async Task<(List<T> Results, int Failed, double SendSeconds)> RunAsync<T>(int rate, int total, Func<int, Task<T?>> call)
        where T : class
    {
        var results = new ConcurrentBag<T>();
        var failed = 0;
        using var inFlight = new SemaphoreSlim(MaxInFlight);
        var tasks = new List<Task>(total);
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / (double)rate);
            if (due > stopwatch.Elapsed)
            {
                await Task.Delay(due - stopwatch.Elapsed);
            }
            await inFlight.WaitAsync();
            var n = i;
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    if (await call(n) is { } result)
                    {
                        results.Add(result);
                    }
                    else
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
                finally
                {
                    inFlight.Release();
                }
            }));
        }
        var sendSeconds = stopwatch.Elapsed.TotalSeconds;
        await Task.WhenAll(tasks);
        return ([.. results], failed, sendSeconds);
    }
}
