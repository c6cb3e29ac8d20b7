using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Partnership.Faults.Tests.Broker;

/// <summary>A message in an error queue, as MassTransit left it there: its id and the fault headers.</summary>
public sealed record ErrorQueueEntry(string? MessageId, string? Reason, string? ExceptionType, string? FaultMessage);

/// <summary>
/// Direct access to the suite's own RabbitMQ: what an attacker, a buggy producer or an operator could do from outside
/// the services (publish raw messages, look into queues).
/// </summary>
public sealed class BrokerClient(string amqp, Uri management)
{
    /// <summary>The exchange MassTransit publishes a contract type to (its full name with ':' before the type).</summary>
    public static string ExchangeFor(string contractFullName) =>
        contractFullName[..contractFullName.LastIndexOf('.')] + ":" + contractFullName[(contractFullName.LastIndexOf('.') + 1)..];

    /// <summary>Deletes every queue: the broker is the suite's own, and a run must not inherit an earlier run's messages.</summary>
    public async Task DeleteAllQueuesAsync()
    {
        using var http = ManagementClient();
        var queues = await http.GetFromJsonAsync<JsonElement[]>("queues") ?? [];
        if (queues.Length == 0)
        {
            return;
        }
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var queue in queues)
        {
            await channel.QueueDeleteAsync(queue.GetProperty("name").GetString()!, ifUnused: false, ifEmpty: false);
        }
    }

    /// <summary>Publishes a MassTransit envelope (the wire format the services use) to a message type's exchange.</summary>
    public async Task PublishEnvelopeAsync(string contractFullName, Guid messageId, object message)
    {
        var exchange = ExchangeFor(contractFullName);
        var envelope = new
        {
            messageId,
            messageType = new[] { "urn:message:" + exchange },
            message,
            sentTime = DateTimeOffset.UtcNow,
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(envelope, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties
        {
            MessageId = messageId.ToString(),
            ContentType = "application/vnd.masstransit+json",
            DeliveryMode = DeliveryModes.Persistent,
        };
        await channel.BasicPublishAsync(exchange, string.Empty, mandatory: false, properties, body);
    }

    /// <summary>Messages ready in a queue (not those a consumer holds unacknowledged).</summary>
    public async Task<uint> ReadyCountAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }

    /// <summary>Reads every message of an error queue without removing it (all are requeued when the channel closes).</summary>
    public async Task<IReadOnlyList<ErrorQueueEntry>> PeekAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        uint count;
        try
        {
            count = (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return []; // MassTransit creates an error queue with its first fault.
        }
        var entries = new List<ErrorQueueEntry>();
        for (var i = 0u; i < count; i++)
        {
            if (await channel.BasicGetAsync(queue, autoAck: false) is not { } delivery)
            {
                break;
            }
            var headers = delivery.BasicProperties.Headers;
            entries.Add(new ErrorQueueEntry(delivery.BasicProperties.MessageId, Text(headers, "MT-Reason"),
                Text(headers, "MT-Fault-ExceptionType"), Text(headers, "MT-Fault-Message")));
        }
        await channel.CloseAsync();
        return entries;
    }

    /// <summary>
    /// Adds a second copy of each error-queue message whose fault text contains <paramref name="faultContains"/>, as
    /// when the outbox republished an event that faulted twice; returns how many were copied.
    /// </summary>
    public async Task<int> DuplicateInPlaceAsync(string queue, string faultContains)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var count = (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        var copied = 0;
        for (var i = 0u; i < count; i++)
        {
            if (await channel.BasicGetAsync(queue, autoAck: false) is not { } delivery)
            {
                break;
            }
            if (Text(delivery.BasicProperties.Headers, "MT-Fault-Message")?.Contains(faultContains, StringComparison.Ordinal) == true)
            {
                await channel.BasicPublishAsync(string.Empty, queue, mandatory: true, new BasicProperties(delivery.BasicProperties), delivery.Body);
                copied++;
            }
        }
        await channel.CloseAsync();
        return copied;
    }

    private async Task<IConnection> ConnectAsync() =>
        await new ConnectionFactory { Uri = new Uri(amqp), ClientProvidedName = "faults-suite" }.CreateConnectionAsync();

    private HttpClient ManagementClient()
    {
        var http = new HttpClient { BaseAddress = management, Timeout = TimeSpan.FromSeconds(10) };
        var user = new Uri(amqp).UserInfo;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(user))));
        return http;
    }

    private static string? Text(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value)
            ? value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : value?.ToString()
            : null;
}
