using Partnership.Missing.Data;
using Partnership.ServiceDefaults.Outbox;
using Partnership.Testing;

namespace Partnership.Missing.Tests;

public sealed class MissingFixture() : ServiceFixture<MissingDbContext>("missingdb")
{
    /// <summary>The outbox rows about one child, oldest first, by short type name.</summary>
    public Task<List<string>> OutboxTypesAsync(string childKey) => Service.WithServiceAsync<MissingDbContext, List<string>>(async db =>
        (await db.OutboxForChildAsync(childKey)).Select(m => m.ShortType()).ToList());

    public Task<List<OutboxEvent>> OutboxAsync(string childKey) =>
        Service.WithServiceAsync<MissingDbContext, List<OutboxEvent>>(db => db.OutboxForChildAsync(childKey));

    public Task<T> DbAsync<T>(Func<MissingDbContext, Task<T>> query) => Service.WithServiceAsync(query);
}
