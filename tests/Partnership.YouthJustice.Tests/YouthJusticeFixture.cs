using Partnership.ServiceDefaults.Outbox;
using Partnership.Testing;
using Partnership.YouthJustice.Data;

namespace Partnership.YouthJustice.Tests;

public sealed class YouthJusticeFixture() : ServiceFixture<YouthJusticeDbContext>("youthjusticedb")
{
    public Task<List<OutboxEvent>> OutboxAsync(string childKey) =>
        Service.WithServiceAsync<YouthJusticeDbContext, List<OutboxEvent>>(db => db.OutboxForChildAsync(childKey));

    public Task<T> DbAsync<T>(Func<YouthJusticeDbContext, Task<T>> query) => Service.WithServiceAsync(query);
}
