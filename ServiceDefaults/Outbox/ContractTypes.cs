using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Partnership.Contracts;

namespace Partnership.ServiceDefaults.Outbox;

/// <summary>Maps outbox rows back to contract types. Only types from the contracts assembly are accepted.</summary>
public static class ContractTypes
{
    private static readonly ConcurrentDictionary<string, Type> Cache = new();

    public static string NameOf(Type type) => type.FullName ?? throw new ArgumentException("Contract type has no name.", nameof(type));

    public static Type Resolve(string name) => Cache.GetOrAdd(name, static n =>
        typeof(IntegrationEvent).Assembly.GetType(n, throwOnError: false) is { } t && typeof(IntegrationEvent).IsAssignableFrom(t)
            ? t
            : throw new InvalidOperationException($"'{n}' is not an integration event in the contracts assembly."));
}

public static class ContractJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        // Explicit so that the batch writer can read the contracts' metadata (OutboxBatchJson).
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };
}
