using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Partnership.Contracts;
using Partnership.Sharing.Audit;
using Partnership.Testing;

namespace Partnership.Sharing.Tests;

/// <summary>
/// Events arriving together are applied in shared transactions (ADR 0025). The tests look for what a batch could get
/// wrong: an event applied twice or not at all, a decision missing from the audit, a fork in a chain, and a bad event
/// taking its batch down with it. A database of its own, so counts are exact.
/// </summary>
public sealed class BatchedConsumptionTests : IAsyncLifetime
{
    private const int Children = 40;
    private readonly SharingFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Events_arriving_together_are_each_decided_and_audited_once_in_shared_transactions_and_a_bad_one_fails_alone()
    {
        var children = Enumerable.Range(0, Children).Select(_ => SharingFixture.NewChild("BAT")).ToArray();
        var missing = children.Select(c => Events.MissingStarted(c, Guid.NewGuid(), "police")).ToArray();
        var assessments = children.Select(Events.HealthAssessment).ToArray();
        // Two that cannot be applied: one fails in the service's code before anything is written, the other only at
        // the database (a key longer than its columns), after the batch's inbox rows and other events' rows are in.
        var poison = Events.MissingStarted(SharingFixture.NewChild("BAT"), Guid.NewGuid(), "police") with { ChildKey = null! };
        var tooLong = Events.MissingStarted(new string('L', 80), Guid.NewGuid(), "police");

        // Every event at once, a quarter of the missing episodes twice (a redelivery arriving beside the original), and
        // the two bad events among them.
        var publishes = missing.Cast<object>().Concat(assessments).Concat(missing.Take(Children / 4)).Append(poison).Append(tooLong)
            .OrderBy(_ => Random.Shared.Next())
            .Select(e => e switch
            {
                Partnership.Contracts.Missing.V1.MissingEpisodeStarted m => _fixture.PublishAsync(m),
                Partnership.Contracts.Health.V1.HealthAssessmentCompleted h => _fixture.PublishAsync(h),
                _ => throw new InvalidOperationException(),
            });
        await Task.WhenAll(publishes);

        var eventIds = missing.Select(m => m.EventId).Concat(assessments.Select(a => a.EventId)).ToArray();
        await Eventually.WaitForAsync(() => CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = ANY($1)", eventIds),
            n => n == eventIds.Length, TimeSpan.FromSeconds(60));
        await Task.Delay(1000); // time for a stray second application to land before asserting there was none

        Assert.Equal(eventIds.Length, await CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = ANY($1)", eventIds));
        // Each missing episode: the missing team and the board (the police reported it). Each assessment: leaving care
        // (refused: not known to be an adult) and the board. Nothing about the bad event.
        Assert.Equal(4 * Children, await CountAsync("SELECT count(*) FROM sharing_audit_log WHERE \"ChildKey\" = ANY($1)", children));
        Assert.Equal(Children, await CountAsync(
            "SELECT count(*) FROM inbox_items WHERE \"RecipientAgency\" = 'missing-team' AND \"ChildKey\" = ANY($1)", children));
        Assert.Equal(2 * Children, await CountAsync(
            "SELECT count(*) FROM inbox_items WHERE \"RecipientAgency\" = 'board' AND \"SourceEventId\" = ANY($1)", eventIds));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = ANY($1)", [poison.EventId, tooLong.EventId]));

        // Some transaction applied more than one event.
        var largestTransaction = await InboxInspection.LargestTransactionAsync(_fixture.Service.ConnectionString, eventIds);
        Assert.True(largestTransaction > 1, "every event was applied in a transaction of its own");

        using var http = await _fixture.Service.ClientAsync(SharingFixture.OversightClient);
        var response = await http.GetAsync("/api/sharing/admin/audit/verify");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var verification = (await response.Content.ReadFromJsonAsync<AuditVerification>(JsonSerializerOptions.Web))!;
        Assert.Equal(4 * Children, verification.EntriesChecked);
    }

    private async Task<int> CountAsync<T>(string sql, T[] values)
    {
        await using var connection = new NpgsqlConnection(_fixture.Service.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new NpgsqlParameter { Value = values } } };
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }
}
