using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Partnership.Sharing.Data;

namespace Partnership.Sharing.Audit;

/// <summary>
/// The newest entry of audit chains, read with one probe of the (chain, sequence) key per chain however long the
/// chains are, where DISTINCT ON would read every entry. Appenders read the chains they lock; the checkpoint writer
/// reads every chain there is.
/// </summary>
internal static class ChainHeadsSql
{
    private const string NewestEntry = $$"""
        SELECT c.chain, t."Sequence", t."Hash"
        FROM {0} AS c(chain)
        CROSS JOIN LATERAL (
            SELECT "Sequence", "Hash" FROM {{SharingDbContext.AuditTable}}
            WHERE "Chain" = c.chain ORDER BY "Sequence" DESC LIMIT 1) AS t
        """;

    /// <summary>The chains given as an int[] in the first parameter.</summary>
    public static readonly string OfChains = string.Format(NewestEntry, "unnest($1::int[])");

    /// <summary>Every chain with an entry, found by a loose index scan (each step the next chain number up).</summary>
    private static readonly string OfEveryChain = $"""
        WITH RECURSIVE chains(chain) AS (
            SELECT min("Chain") FROM {SharingDbContext.AuditTable}
            UNION ALL
            SELECT (SELECT min("Chain") FROM {SharingDbContext.AuditTable} WHERE "Chain" > chains.chain)
            FROM chains WHERE chains.chain IS NOT NULL)
        {string.Format(NewestEntry, "chains")}
        """;

    /// <summary>The head of every chain there is, in the context's transaction when it has one.</summary>
    public static async Task<List<ChainHead>> EveryChainAsync(SharingDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
            await using var command = new NpgsqlCommand(OfEveryChain, (NpgsqlConnection)db.Database.GetDbConnection(), transaction);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await ReadAsync(reader, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public static async Task<List<ChainHead>> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var heads = new List<ChainHead>();
        while (await reader.ReadAsync(cancellationToken))
        {
            heads.Add(new ChainHead(reader.GetInt32(0), reader.GetInt64(1), reader.GetString(2)));
        }
        return heads;
    }
}
