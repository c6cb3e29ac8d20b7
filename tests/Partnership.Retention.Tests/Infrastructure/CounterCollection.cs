namespace Partnership.Retention.Tests.Infrastructure;

/// <summary>
/// The tests that delete outbox and inbox rows run one after another: the deletion counter is process-wide, and only
/// these tests plant such rows, so a test that reads the counter sees exactly its own deletions.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CounterCollection
{
    public const string Name = "retention counters";
}
