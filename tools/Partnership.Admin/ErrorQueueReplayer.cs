using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Partnership.Admin;

/// <summary>One message found in an error queue, described by its fault headers (never by its body).</summary>
public sealed record FaultedMessage(string? MessageId, string? Reason, string? ExceptionType, string? FaultMessage, bool Replayed);

/// <summary>Which faulted messages to act on: all, or those with given message ids and/or fault text.</summary>
public sealed record ReplayFilter(IReadOnlySet<string> MessageIds, string? FaultContains)
{
    public static readonly ReplayFilter All = new(new HashSet<string>(), null);

    public bool Matches(string? messageId, string? faultMessage, string? exceptionType) =>
        (MessageIds.Count == 0 || (messageId is not null && MessageIds.Contains(messageId)))
        && (FaultContains is null
            || (faultMessage?.Contains(FaultContains, StringComparison.OrdinalIgnoreCase) ?? false)
            || (exceptionType?.Contains(FaultContains, StringComparison.OrdinalIgnoreCase) ?? false));
}

/// <summary>
/// Moves messages from <c>&lt;queue&gt;_error</c> back to <c>&lt;queue&gt;</c> once their cause is fixed. Each message
/// is republished with publisher confirms before it is acknowledged in the error queue, so a crash part-way leaves at
/// worst a second copy, which the consumer's inbox absorbs; it can never lose one. Messages that do not match the
/// filter are returned to the error queue untouched.
/// </summary>
public sealed class ErrorQueueReplayer(Uri broker)
{
    public static string ErrorQueueOf(string queue) => queue + "_error";

    public async Task<IReadOnlyList<FaultedMessage>> ReplayAsync(string queue, ReplayFilter filter, bool dryRun, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = broker, ClientProvidedName = "partnership-admin" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);

        // Fail before touching anything if the destination does not exist: a replay into nowhere would drop messages.
        await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
        var errorQueue = ErrorQueueOf(queue);
        uint waiting;
        try
        {
            waiting = (await channel.QueueDeclarePassiveAsync(errorQueue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return []; // MassTransit creates the error queue with the first fault: no queue, nothing faulted.
        }

        var seen = new List<FaultedMessage>();
        var keep = new List<ulong>();
        // Only the messages present at the start: replayed ones that fault again come back behind them.
        for (var i = 0u; i < waiting; i++)
        {
            var delivery = await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken);
            if (delivery is null)
            {
                break;
            }
            var headers = delivery.BasicProperties.Headers;
            var messageId = delivery.BasicProperties.MessageId;
            var exceptionType = FaultHeaders.Text(headers, FaultHeaders.ExceptionType);
            var faultMessage = FaultHeaders.Text(headers, FaultHeaders.Message);
            var replay = !dryRun && filter.Matches(messageId, faultMessage, exceptionType);
            seen.Add(new FaultedMessage(messageId, FaultHeaders.Text(headers, FaultHeaders.Reason), exceptionType, faultMessage, replay));
            if (!replay)
            {
                keep.Add(delivery.DeliveryTag);
                continue;
            }

            var properties = new BasicProperties(delivery.BasicProperties)
            {
                Headers = ReplayHeaders(headers, errorQueue),
            };
            // Default exchange, routing key = queue name: straight back to the consumer's queue, no other subscriber.
            await channel.BasicPublishAsync(string.Empty, queue, mandatory: true, properties, delivery.Body, cancellationToken);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
        }

        foreach (var tag in keep)
        {
            await channel.BasicNackAsync(tag, multiple: false, requeue: true, cancellationToken);
        }
        await channel.CloseAsync(cancellationToken);
        return seen;
    }

    private static Dictionary<string, object?> ReplayHeaders(IDictionary<string, object?>? original, string errorQueue)
    {
        var headers = new Dictionary<string, object?>();
        foreach (var (name, value) in original ?? new Dictionary<string, object?>())
        {
            if (!FaultHeaders.IsFaultHeader(name))
            {
                headers[name] = value;
            }
        }
        headers[FaultHeaders.ReplayedAt] = DateTimeOffset.UtcNow.ToString("O");
        headers[FaultHeaders.ReplayedFrom] = errorQueue;
        return headers;
    }
}
