using System.Buffers;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Partnership.Contracts;

namespace Partnership.ServiceDefaults.Outbox;

/// <summary>
/// The JSON of a batch outbox row (ADR 0022). Values that every event of the row has in common (the envelope's time,
/// agency and schema version, and a bulk feed's own, such as an import's id and year) are written once:
/// <c>{"shared":{…},"events":[{…},…]}</c>, each event without them. A row whose events share nothing is a plain
/// array, <c>[{…},…]</c>, as every batch row was before; both are read.
/// </summary>
public static class OutboxBatchJson
{
    /// <summary>
    /// Writes <paramref name="row"/> (events of one type) as a batch row's JSON. <paramref name="options"/> serialise a
    /// plain array; a row with shared values uses contracts derived from <see cref="ContractJson.Options"/>, the
    /// options <see cref="Read"/> reads every row with.
    /// </summary>
    public static void Write<TEvent>(Utf8JsonWriter writer, TEvent[] row, JsonSerializerOptions options) where TEvent : IntegrationEvent
    {
        if (BatchShape<TEvent>.For(row) is not { } shape)
        {
            JsonSerializer.Serialize(writer, row, options);
            return;
        }
        writer.WriteStartObject();
        writer.WritePropertyName("shared");
        JsonSerializer.Serialize(writer, row[0], shape.Shared);
        writer.WritePropertyName("events");
        writer.WriteStartArray();
        foreach (var item in row)
        {
            JsonSerializer.Serialize(writer, item, shape.Rest);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The events of a batch row, in order, as an array of <paramref name="type"/>.</summary>
    public static Array Read(string batch, Type type)
    {
        if (!batch.AsSpan().TrimStart().StartsWith('{'))
        {
            return (Array?)JsonSerializer.Deserialize(batch, type.MakeArrayType(), ContractJson.Options)
                ?? throw new InvalidOperationException("Outbox batch deserialised to null.");
        }
        using var document = JsonDocument.Parse(batch);
        var shared = document.RootElement.GetProperty("shared");
        var items = document.RootElement.GetProperty("events");
        var events = Array.CreateInstance(type, items.GetArrayLength());
        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer);
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            // Each event is put back together as it was before it was written, then read as any single event is.
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            writer.WriteStartObject();
            foreach (var property in shared.EnumerateObject())
            {
                property.WriteTo(writer);
            }
            foreach (var property in item.EnumerateObject())
            {
                property.WriteTo(writer);
            }
            writer.WriteEndObject();
            writer.Flush();
            events.SetValue(JsonSerializer.Deserialize(buffer.WrittenSpan, type, ContractJson.Options)
                ?? throw new InvalidOperationException("Outbox batch holds a null event."), index++);
        }
        return events;
    }

    /// <summary>
    /// Which properties of <typeparamref name="TEvent"/> a row's events share, compared typed (no boxing: a national
    /// SSDA903 year compares millions of values), and the serialisation contracts for each set of them met so far.
    /// </summary>
    private static class BatchShape<TEvent> where TEvent : IntegrationEvent
    {
        /// <summary>Sets of shared properties kept per event type; rows with any other set are written as plain arrays.</summary>
        private const int MaxShapes = 32;

        private static readonly (string Name, Func<TEvent, TEvent, bool> Same)[] Properties = Describe();
        private static readonly ConcurrentDictionary<ulong, Shape> Shapes = new();

        /// <summary>How a row with one set of shared properties is written: those once, the rest per event.</summary>
        public sealed record Shape(JsonTypeInfo<TEvent> Shared, JsonTypeInfo<TEvent> Rest);

        public static Shape? For(TEvent[] row)
        {
            if (row.Length < 2)
            {
                return null;
            }
            var mask = 0UL;
            var first = row[0];
            for (var p = 0; p < Properties.Length; p++)
            {
                var same = Properties[p].Same;
                var all = true;
                for (var i = 1; i < row.Length && all; i++)
                {
                    all = same(first, row[i]);
                }
                if (all)
                {
                    mask |= 1UL << p;
                }
            }
            if (mask == 0)
            {
                return null;
            }
            if (Shapes.TryGetValue(mask, out var shape))
            {
                return shape;
            }
            // A shape that shares some of these properties serves as well (the others are written per event): building
            // one costs milliseconds, and rows with a slightly different set are common (one event's flag differs).
            var best = 0UL;
            foreach (var (known, candidate) in Shapes)
            {
                if ((known & ~mask) == 0 && ulong.PopCount(known) > ulong.PopCount(best))
                {
                    (best, shape) = (known, candidate);
                }
            }
            return shape ?? (Shapes.Count >= MaxShapes ? null : Shapes.GetOrAdd(mask, Build));
        }

        private static Shape Build(ulong mask)
        {
            var shared = Properties.Where((_, p) => (mask & (1UL << p)) != 0).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            return new Shape(Contract(name => shared.Contains(name)), Contract(name => !shared.Contains(name)));
        }

        /// <summary>The event's contract with only the properties <paramref name="keep"/> accepts.</summary>
        private static JsonTypeInfo<TEvent> Contract(Func<string, bool> keep)
        {
            var options = new JsonSerializerOptions(ContractJson.Options)
            {
                TypeInfoResolver = new DefaultJsonTypeInfoResolver
                {
                    Modifiers =
                    {
                        info =>
                        {
                            if (info.Type != typeof(TEvent))
                            {
                                return;
                            }
                            for (var i = info.Properties.Count - 1; i >= 0; i--)
                            {
                                if (!keep(info.Properties[i].Name))
                                {
                                    info.Properties.RemoveAt(i);
                                }
                            }
                        },
                    },
                },
            };
            return (JsonTypeInfo<TEvent>)options.GetTypeInfo(typeof(TEvent));
        }

        /// <summary>The serialised properties (up to 64, the width of a mask), each with a typed equality.</summary>
        private static (string, Func<TEvent, TEvent, bool>)[] Describe()
        {
            var info = ContractJson.Options.GetTypeInfo(typeof(TEvent));
            var typed = typeof(BatchShape<TEvent>).GetMethod(nameof(Typed), BindingFlags.NonPublic | BindingFlags.Static)!;
            return info.Properties
                .Where(p => p.AttributeProvider is PropertyInfo { GetMethod: not null })
                .Take(64)
                .Select(p => (p.Name, (Func<TEvent, TEvent, bool>)typed.MakeGenericMethod(p.PropertyType).Invoke(null, [p.AttributeProvider])!))
                .ToArray();
        }

        private static Func<TEvent, TEvent, bool> Typed<TValue>(PropertyInfo property)
        {
            var get = property.GetMethod!.CreateDelegate<Func<TEvent, TValue>>();
            var comparer = EqualityComparer<TValue>.Default;
            return (a, b) => comparer.Equals(get(a), get(b));
        }
    }
}
