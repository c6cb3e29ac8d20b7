namespace Partnership.ServiceDefaults.Outbox;

/// <summary>A consumer whose work for several messages can be applied in one transaction, all or nothing.</summary>
public interface IBatchApplier<in TMessage>
{
    Task ApplyBatchAsync(IReadOnlyList<TMessage> messages, CancellationToken cancellationToken);
}
