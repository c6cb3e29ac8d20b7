using Microsoft.Extensions.Logging;

namespace Partnership.Bench.Ingest;

/// <summary>Keeps the messages an in-process importer logs (its per-step wall and CPU line is Debug), for the report.</summary>
public sealed class StepLog<T> : ILogger<T>
{
    private readonly List<string> messages = [];

    public IReadOnlyList<string> Messages => messages;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (messages)
        {
            messages.Add(formatter(state, exception));
        }
    }
}
