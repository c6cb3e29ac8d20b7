using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Sharing.Audit;
using Partnership.Sharing.Data;
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

    /// <summary>One decision per child key, one after another.</summary>
    private async Task WriteEntriesAsync(params string[] childKeys)
    {
        var auth = await _fixture.AuthAsync("social-care-system");
        for (var i = 0; i < childKeys.Length; i++)
        {
            await _fixture.Grpc.DecideAsync(new DecideRequest
            {
                Source = "social-care", Recipient = i % 2 == 0 ? "health" : "police", ChildKey = childKeys[i],
                Category = DataCategory.Placement, Purpose = Purpose.StatutoryDuty,
            }, auth);
        }
    }

    private static string[] Children(string prefix, int count) => Enumerable.Range(0, count).Select(i => $"{prefix}-{i}").ToArray();

    /// <summary>Where an entry about the child landed: its chain and its sequence in that chain (the newest if several).</summary>
    private async Task<(int Chain, long Sequence)> PositionOfAsync(string childKey)
    {
        await using var connection = new NpgsqlConnection(_fixture.Service.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT \"Chain\", \"Sequence\" FROM sharing_audit_log WHERE \"ChildKey\" = $1 ORDER BY \"Sequence\" DESC LIMIT 1", connection)
        {
            Parameters = { new NpgsqlParameter { Value = childKey } },
        };
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no audit entry about {childKey}");
        return (reader.GetInt32(0), reader.GetInt64(1));
    }

    private async Task<AuditCheckpoint?> WriteCheckpointAsync()
    {
        await using var scope = _fixture.Service.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditCheckpointWriter>().WriteAsync(CancellationToken.None);
    }

    private async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_fixture.Service.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The test database's user is a superuser, which is what it takes to switch the guard off.</summary>
    private Task<int> BehindTheTriggerAsync(string sql, string table = "sharing_audit_log") => ExecuteAsync($"""
        ALTER TABLE {table} DISABLE TRIGGER {table}_append_only;
        {sql};
        ALTER TABLE {table} ENABLE TRIGGER {table}_append_only;
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
        await WriteEntriesAsync(Children("APP", 2));
        Assert.NotNull(await WriteCheckpointAsync());
        foreach (var table in new[] { "sharing_audit_log", "sharing_audit_checkpoints" })
        {
            var column = table == "sharing_audit_log" ? "Reason" : "Heads";
            foreach (var sql in new[] { $"UPDATE {table} SET \"{column}\" = 'edited'", $"DELETE FROM {table}", $"TRUNCATE {table}" })
            {
                var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(sql));
                Assert.Contains("append-only", error.MessageText);
            }
        }
        var (status, body) = await VerifyOverHttpAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.Valid);
        Assert.Equal(2, body.EntriesChecked);
        Assert.Equal(1, body.CheckpointsChecked);
        Assert.Equal(0, await RunCommandAsync());
    }

    [Fact]
    public async Task An_altered_entry_is_caught_by_the_endpoint_and_the_command()
    {
        var children = Children("ALT", 5);
        await WriteEntriesAsync(children);
        Assert.Equal(0, await RunCommandAsync());

        var (chain, sequence) = await PositionOfAsync(children[3]);
        await BehindTheTriggerAsync($"UPDATE sharing_audit_log SET \"Reason\" = \"Reason\" || ' (edited)' WHERE \"Chain\" = {chain} AND \"Sequence\" = {sequence}");

        var (status, body) = await VerifyOverHttpAsync();
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.False(body.Valid);
        Assert.Equal(chain, body.FirstBadChain);
        Assert.Equal(sequence, body.FirstBadSequence);
        Assert.Contains("altered", body.Problem);
        Assert.Equal(1, await RunCommandAsync());
    }

    [Fact]
    public async Task A_deleted_entry_is_caught()
    {
        // Three decisions about one child: one chain, entries 1 to 3 (nothing else is written to this database).
        await WriteEntriesAsync("DEL-0", "DEL-0", "DEL-0");
        var (chain, newest) = await PositionOfAsync("DEL-0");
        Assert.Equal(3, newest);
        await BehindTheTriggerAsync($"DELETE FROM sharing_audit_log WHERE \"Chain\" = {chain} AND \"Sequence\" = 2");

        var (status, body) = await VerifyOverHttpAsync();
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(chain, body.FirstBadChain);
        Assert.Equal(2, body.FirstBadSequence);
        Assert.Contains("missing", body.Problem);
        Assert.Equal(1, await RunCommandAsync());
    }

    [Fact]
    public async Task Deleting_the_newest_entries_of_a_chain_is_caught_once_a_checkpoint_named_them()
    {
        await WriteEntriesAsync("TRUNC-0", "TRUNC-0", "TRUNC-1");
        var (chain, newest) = await PositionOfAsync("TRUNC-0");
        var first = await WriteCheckpointAsync();
        Assert.NotNull(first);
        Assert.Contains($"{chain}:{newest}:", first.Heads);
        Assert.Null(await WriteCheckpointAsync()); // nothing grew since

        // A later checkpoint names only the chain that grew; TRUNC-0's chain keeps the head the first one gave it.
        var other = Enumerable.Range(0, 100).Select(i => $"TRUNC-X{i}").First(k => AuditChains.For(k) != chain);
        await WriteEntriesAsync(other);
        var second = await WriteCheckpointAsync();
        Assert.NotNull(second);
        Assert.Equal([AuditChains.For(other)], AuditHashing.ParseHeads(second.Heads).Select(h => h.Chain));

        await BehindTheTriggerAsync($"DELETE FROM sharing_audit_log WHERE \"Chain\" = {chain} AND \"Sequence\" = {newest}");

        var (status, body) = await VerifyOverHttpAsync();
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(chain, body.FirstBadChain);
        Assert.Equal(newest, body.FirstBadSequence);
        Assert.Contains($"named by checkpoint {first.Sequence}", body.Problem);
    }

    [Fact]
    public async Task An_altered_checkpoint_is_caught()
    {
        await WriteEntriesAsync(Children("CHK", 3));
        Assert.NotNull(await WriteCheckpointAsync());
        await BehindTheTriggerAsync(
            "UPDATE sharing_audit_checkpoints SET \"Heads\" = replace(\"Heads\", ':1:', ':9:') WHERE \"Sequence\" = 1", "sharing_audit_checkpoints");

        var (status, body) = await VerifyOverHttpAsync();
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Null(body.FirstBadChain);
        Assert.Contains("checkpoint 1 was altered", body.Problem);
    }

    [Fact]
    public async Task Concurrent_appends_form_unbroken_chains_and_keep_each_child_in_one()
    {
        var auth = await _fixture.AuthAsync("social-care-system");
        // 24 children, and 12 more decisions about one child, all at once.
        var keys = Children("PAR", 24).Concat(Enumerable.Repeat("PAR-SAME", 12));
        await Task.WhenAll(keys.Select(key => _fixture.Grpc.DecideAsync(new DecideRequest
        {
            Source = "social-care", Recipient = "health", ChildKey = key, Category = DataCategory.Placement, Purpose = Purpose.StatutoryDuty,
        }, auth).ResponseAsync));

        var (status, body) = await VerifyOverHttpAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(36, body.EntriesChecked);
        Assert.True(body.Chains > 1, $"24 children all landed in {body.Chains} chain(s)");
        var sameChild = await ChainsOfAsync("PAR-SAME");
        Assert.Equal([AuditChains.For("PAR-SAME")], sameChild);
    }

    [Fact]
    public async Task Entries_about_several_children_in_one_transaction_go_to_their_own_chains()
    {
        // Two keys that hash to different chains, found rather than assumed.
        var first = "MULTI-0";
        var second = Enumerable.Range(1, 100).Select(i => $"MULTI-{i}").First(k => AuditChains.For(k) != AuditChains.For(first));
        await using (var scope = _fixture.Service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SharingDbContext>();
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await audit.AppendAllAsync([Entry(second), Entry(first), Entry(second)], CancellationToken.None);
            await transaction.CommitAsync();
        }

        Assert.Equal([AuditChains.For(first)], await ChainsOfAsync(first));
        Assert.Equal([AuditChains.For(second)], await ChainsOfAsync(second));
        Assert.Equal((AuditChains.For(second), 2L), await PositionOfAsync(second));
        var (status, body) = await VerifyOverHttpAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, body.EntriesChecked);

        static Partnership.Sharing.Audit.AuditEntry Entry(string childKey) => new()
        {
            Kind = AuditKinds.Decision, ChildKey = childKey, Reason = "test", Caller = "test", PreviousHash = "", Hash = "",
        };
    }

    private async Task<List<int>> ChainsOfAsync(string childKey)
    {
        await using var connection = new NpgsqlConnection(_fixture.Service.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT DISTINCT \"Chain\" FROM sharing_audit_log WHERE \"ChildKey\" = $1", connection)
        {
            Parameters = { new NpgsqlParameter { Value = childKey } },
        };
        var chains = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            chains.Add(reader.GetInt32(0));
        }
        return chains;
    }
}
