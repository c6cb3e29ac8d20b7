using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Partnership.Sharing.Audit;
using Partnership.Sharing.Grpc.V1;

namespace Partnership.Sharing.Tests;

/// <summary>
/// The audit log is append-only in PostgreSQL, and the hash chain catches what a superuser does behind the trigger's
/// back. Each test tampers with its own database, so each has its own service.
/// </summary>
public sealed class AuditChainTests : IAsyncLifetime
{
    private readonly SharingFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private async Task WriteEntriesAsync(int decisions)
    {
        var auth = await _fixture.AuthAsync("social-care-system");
        for (var i = 0; i < decisions; i++)
        {
            await _fixture.Grpc.DecideAsync(new DecideRequest
            {
                Source = "social-care", Recipient = i % 2 == 0 ? "health" : "police", ChildKey = $"AUD-{i}",
                Category = DataCategory.Placement, Purpose = Purpose.StatutoryDuty,
            }, auth);
        }
    }

    private async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_fixture.Service.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The test database's user is a superuser, which is what it takes to switch the guard off.</summary>
    private Task<int> BehindTheTriggerAsync(string sql) => ExecuteAsync($"""
        ALTER TABLE sharing_audit_log DISABLE TRIGGER sharing_audit_log_append_only;
        {sql};
        ALTER TABLE sharing_audit_log ENABLE TRIGGER sharing_audit_log_append_only;
        """);

    private async Task<(HttpStatusCode Status, AuditVerification Body)> VerifyOverHttpAsync()
    {
        using var http = await _fixture.Service.ClientAsync(SharingFixture.OversightClient);
        var response = await http.GetAsync("/api/sharing/admin/audit/verify");
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<AuditVerification>(JsonSerializerOptions.Web))!);
    }

    private Task<int> RunCommandAsync() =>
        VerifyAuditCommand.RunAsync([VerifyAuditCommand.Name, $"--ConnectionStrings:sharingdb={_fixture.Service.ConnectionString}"]);

    [Fact]
    public async Task Updates_deletes_and_truncates_are_rejected_by_the_database()
    {
        await WriteEntriesAsync(2);
        foreach (var sql in new[] { "UPDATE sharing_audit_log SET \"Reason\" = 'edited'", "DELETE FROM sharing_audit_log", "TRUNCATE sharing_audit_log" })
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(sql));
            Assert.Contains("append-only", error.MessageText);
        }
        var (status, body) = await VerifyOverHttpAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.Valid);
        Assert.Equal(2, body.EntriesChecked);
        Assert.Equal(0, await RunCommandAsync());
    }

    [Fact]
    public async Task An_altered_entry_is_caught_by_the_endpoint_and_the_command()
    {
        await WriteEntriesAsync(5);
        Assert.Equal(0, await RunCommandAsync());

        await BehindTheTriggerAsync("UPDATE sharing_audit_log SET \"Outcome\" = 'Deny' WHERE \"Sequence\" = 3");

        var (status, body) = await VerifyOverHttpAsync();
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.False(body.Valid);
        Assert.Equal(3, body.FirstBadSequence);
        Assert.Contains("altered", body.Problem);
        Assert.Equal(1, await RunCommandAsync());
    }

    [Fact]
    public async Task A_deleted_entry_is_caught()
    {
        await WriteEntriesAsync(5);
        await BehindTheTriggerAsync("DELETE FROM sharing_audit_log WHERE \"Sequence\" = 2");

        var (status, body) = await VerifyOverHttpAsync();
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(2, body.FirstBadSequence);
        Assert.Contains("missing", body.Problem);
        Assert.Equal(1, await RunCommandAsync());
    }

    [Fact]
    public async Task Concurrent_appends_form_one_unbroken_chain()
    {
        var auth = await _fixture.AuthAsync("social-care-system");
        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => _fixture.Grpc.DecideAsync(new DecideRequest
        {
            Source = "social-care", Recipient = "health", ChildKey = $"PAR-{i}", Category = DataCategory.Placement, Purpose = Purpose.StatutoryDuty,
        }, auth).ResponseAsync));

        var (status, body) = await VerifyOverHttpAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(24, body.EntriesChecked);
    }
}
