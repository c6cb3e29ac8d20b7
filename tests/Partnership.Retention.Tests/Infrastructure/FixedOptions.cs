using Microsoft.Extensions.Options;

namespace Partnership.Retention.Tests.Infrastructure;

public sealed class FixedOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
