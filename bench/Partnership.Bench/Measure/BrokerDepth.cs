using System.Net.Http.Json;
using System.Text.Json;

namespace Partnership.Bench.Measure;

/// <summary>Peak number of messages waiting in all broker queues during a run (management API, every 250 ms).</summary>
public sealed class BrokerDepth : IAsyncDisposable
{
    private readonly HttpClient management;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public BrokerDepth(HttpClient management)
    {
        this.management = management;
        loop = Task.Run(PollAsync);
    }

    public long PeakMessages { get; private set; }
    public string PeakQueue { get; private set; } = "";
    public bool Available { get; private set; } = true;

    private async Task PollAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var queues = await management.GetFromJsonAsync<JsonElement>("/api/queues?columns=name,messages", stop.Token);
                foreach (var queue in queues.EnumerateArray())
                {
                    var messages = queue.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt64() : 0;
                    if (messages > PeakMessages)
                    {
                        PeakMessages = messages;
                        PeakQueue = queue.GetProperty("name").GetString() ?? "";
                    }
                }
                await Task.Delay(250, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException)
            {
                Available = false;
                return;
            }
        }
    }

    public string Describe() => Available ? $"peak queue depth {PeakMessages} ({PeakQueue})" : "queue depth not available";

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
        management.Dispose();
    }
}
