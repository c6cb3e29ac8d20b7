using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Partnership.Retention.Tests.Infrastructure;

/// <summary>Listens to one Partnership counter in this process and adds up its measurements per table tag.</summary>
public sealed class MeasuredRows : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _byTable = new(StringComparer.Ordinal);

    public MeasuredRows(string instrument)
    {
        _listener.InstrumentPublished = (published, listener) =>
        {
            if (published.Meter.Name == "Partnership" && published.Name == instrument)
            {
                listener.EnableMeasurementEvents(published);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "table" && tag.Value is string table)
                {
                    _byTable.AddOrUpdate(table, value, (_, sum) => sum + value);
                }
            }
        });
        _listener.Start();
    }

    public long For(string table) => _byTable.GetValueOrDefault(table);

    public void Dispose() => _listener.Dispose();
}
