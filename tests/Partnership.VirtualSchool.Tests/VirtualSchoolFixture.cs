using System.Text.Json;
using Partnership.Testing;
using Partnership.VirtualSchool.Data;

namespace Partnership.VirtualSchool.Tests;

/// <summary>One identity service and one virtual school service (fresh database, real RabbitMQ) per test class.</summary>
public sealed class VirtualSchoolFixture() : ServiceFixture<VirtualSchoolDbContext>("virtualschooldb")
{
    public Task<HttpClient> SystemClientAsync(string? scope = null) => ClientAsync("virtual-school-system", scope);

    public Task<List<JsonElement>> OutboxEventsAsync(string eventType, string childKeyPrefix) =>
        OutboxProbe.EventsAsync(Service.ConnectionString, eventType, childKeyPrefix);

    public Task<long> ScalarAsync(string sql, string childKeyPrefix) => OutboxProbe.CountAsync(Service.ConnectionString, sql, childKeyPrefix);

    public Task<long> MarkCountAsync(string childKeyPrefix) =>
        ScalarAsync("SELECT count(*) FROM attendance_marks WHERE child_key LIKE @prefix", childKeyPrefix);
}
