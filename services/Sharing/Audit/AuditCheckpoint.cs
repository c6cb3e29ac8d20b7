namespace Partnership.Sharing.Audit;

/// <summary>
/// The head of every audit chain at one moment, itself hash-chained to the checkpoint before. A chain's newest entries
/// could otherwise be deleted without trace; once a checkpoint has named an entry, its deletion is caught.
/// </summary>
public sealed class AuditCheckpoint
{
    public long Sequence { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary><see cref="AuditHashing.Heads"/> of the chains at <see cref="RecordedAt"/>.</summary>
    public required string Heads { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}

/// <summary>One chain's newest entry.</summary>
public readonly record struct ChainHead(int Chain, long Sequence, string Hash);
