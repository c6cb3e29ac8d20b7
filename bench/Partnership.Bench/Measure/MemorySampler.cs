using System.Diagnostics;

namespace Partnership.Bench.Measure;

/// <summary>
/// Peak resident memory during a run, sampled every 50 ms: of another process (VmRSS from /proc) or of this one
/// (working set and GC heap), so a streaming path can be shown not to grow with the size of its input.
/// </summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly Func<(long Rss, long Heap)> read;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    private MemorySampler(Func<(long, long)> read)
    {
        this.read = read;
        var (rss, heap) = read();
        BaselineBytes = rss;
        PeakBytes = rss;
        PeakHeapBytes = heap;
        loop = Task.Run(SampleAsync);
    }

    public long BaselineBytes { get; }
    public long PeakBytes { get; private set; }
    public long PeakHeapBytes { get; private set; }

    public static MemorySampler OfProcess(int pid) => new(() => (ProcessTable.StatusKb(pid, "VmRSS") * 1024, 0));

    public static MemorySampler OfThisProcess() => new(() =>
    {
        using var self = Process.GetCurrentProcess();
        return (self.WorkingSet64, GC.GetGCMemoryInfo().HeapSizeBytes);
    });

    private async Task SampleAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var (rss, heap) = read();
            PeakBytes = Math.Max(PeakBytes, rss);
            PeakHeapBytes = Math.Max(PeakHeapBytes, heap);
            try
            {
                await Task.Delay(50, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }

    public static string Mib(long bytes) => $"{bytes / 1024.0 / 1024.0:F0} MiB";
}
