namespace Partnership.Sharing.Domain;

/// <summary>A record the rules read by child, so a batch of decisions can read those of all its children at once.</summary>
public interface IChildRecord
{
    string ChildKey { get; }
}
