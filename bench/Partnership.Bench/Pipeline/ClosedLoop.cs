using System.Collections.Concurrent;
using System.Diagnostics;

namespace Partnership.Bench.Pipeline;

/// <summary>
/// Closed loop: <c>concurrency</c> callers each make their next call as soon as the last one answered, until
/// <c>total</c> calls are made. The offered rate is whatever the system under test sustains: saturation.
/// </summary>
public static class ClosedLoop
{
    /// <returns>The seconds the calls took.</returns>
    public static async Task<double> RunAsync(int concurrency, int total, Func<int, Task> call)
    {
        var next = -1;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                await call(i);
            }
        })));
        return stopwatch.Elapsed.TotalSeconds;
    }

    /// <returns>What the calls returned (null answers left out), how many returned null, and the seconds the calls took.</returns>
    public static async Task<(List<T> Results, int Failed, double SendSeconds)> RunAsync<T>(int concurrency, int total, Func<int, Task<T?>> call)
        where T : class
    {
        var results = new ConcurrentBag<T>();
        var failed = 0;
        var seconds = await RunAsync(concurrency, total, async i =>
        {
            if (await call(i) is { } result)
            {
                results.Add(result);
            }
            else
            {
                Interlocked.Increment(ref failed);
            }
        });
        return ([.. results], failed, seconds);
    }
}
