using Npgsql;
using Partnership.ServiceDefaults.Outbox;
using Partnership.ServiceDefaults.Persistence;
using Partnership.Testing;

namespace Partnership.IntegrationTests.Messaging;

/// <summary>The bulk writers' COPY encoder against a real PostgreSQL: what it sends round-trips, and it streams.</summary>
public sealed class BinaryCopyWriterTests : IAsyncLifetime
{
    private string _database = "";

    public async ValueTask InitializeAsync() => _database = await TestInfrastructure.CreateDatabaseAsync("copywriter");

    public async ValueTask DisposeAsync() => await TestInfrastructure.DropDatabaseAsync(_database);

    private sealed record Payload(int N, string Text);

    [Fact]
    public async Task Many_json_fields_stream_through_a_buffer_that_does_not_grow_with_the_rows()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await new NpgsqlCommand("CREATE TABLE copied (n integer, body jsonb, batch text)", connection).ExecuteNonQueryAsync();

        const int rows = 3_000;
        var text = new string('x', 1_000);
        int capacity;
        await using (var copy = await BinaryCopyWriter.BeginAsync(connection, "copied", ["n", "body", "batch"], CancellationToken.None))
        {
            for (var i = 0; i < rows; i++)
            {
                copy.StartRow();
                copy.Write(i);
                copy.WriteJsonb(new Payload(i, text), ContractJson.Options);
                copy.WriteJsonText(new[] { new Payload(i, "a"), new Payload(i, "b") }, ContractJson.Options);
            }
            // 3 MB went through; a buffer that kept them would be megabytes.
            capacity = copy.BufferCapacity;
            await copy.CompleteAsync(CancellationToken.None);
        }
        Assert.True(capacity <= 128 * 1024, $"buffer grew to {capacity} bytes");

        await using var check = new NpgsqlCommand(
            "SELECT count(*), sum((body->>'n')::int), count(*) FILTER (WHERE length(body->>'text') = 1000), count(*) FILTER (WHERE batch::jsonb->1->>'text' = 'b') FROM copied",
            connection);
        await using var reader = await check.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(rows, reader.GetInt64(0));
        Assert.Equal((long)rows * (rows - 1) / 2, reader.GetInt64(1));
        Assert.Equal(rows, reader.GetInt64(2));
        Assert.Equal(rows, reader.GetInt64(3));
    }

    [Fact]
    public async Task A_json_field_larger_than_the_buffer_grows_it_and_arrives_whole()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await new NpgsqlCommand("CREATE TABLE large (body jsonb)", connection).ExecuteNonQueryAsync();

        var text = new string('y', 300_000);
        await using (var copy = await BinaryCopyWriter.BeginAsync(connection, "large", ["body"], CancellationToken.None))
        {
            copy.StartRow();
            copy.WriteJsonb(new Payload(1, text), ContractJson.Options);
            Assert.True(copy.BufferCapacity >= 300_000);
            await copy.CompleteAsync(CancellationToken.None);
        }
        Assert.Equal(300_000, (int)(await new NpgsqlCommand("SELECT length(body->>'text') FROM large", connection).ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_held_writer_encodes_without_a_connection_and_sends_every_row_later()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await new NpgsqlCommand("CREATE TABLE held (n integer, batch text)", connection).ExecuteNonQueryAsync();

        // More than one 64 KiB buffer of rows, so the writer holds several chunks, and a field larger than a chunk.
        const int rows = 2_000;
        await using var copy = BinaryCopyWriter.Hold("held", ["n", "batch"]);
        for (var i = 0; i < rows; i++)
        {
            copy.StartRow();
            copy.Write(i);
            copy.WriteJsonText(new[] { new Payload(i, i == 1_000 ? new string('z', 100_000) : "a") }, ContractJson.Options);
        }
        Assert.Equal(0L, await new NpgsqlCommand("SELECT count(*) FROM held", connection).ExecuteScalarAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => copy.CompleteAsync(CancellationToken.None));

        await copy.SendAsync(connection, CancellationToken.None);

        await using var check = new NpgsqlCommand(
            "SELECT count(*), sum(n), max(length(batch::jsonb->0->>'text')), count(*) FILTER (WHERE (batch::jsonb->0->>'n')::int = n) FROM held", connection);
        await using var reader = await check.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(rows, reader.GetInt64(0));
        Assert.Equal((long)rows * (rows - 1) / 2, reader.GetInt64(1));
        Assert.Equal(100_000, reader.GetInt32(2));
        Assert.Equal(rows, reader.GetInt64(3));
    }
}
