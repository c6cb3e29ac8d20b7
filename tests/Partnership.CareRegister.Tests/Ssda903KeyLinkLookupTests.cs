using Npgsql;
using Partnership.CareRegister.Domain;
using Partnership.CareRegister.Ssda903;

namespace Partnership.CareRegister.Tests;

/// <summary>
/// A sorted batch's key links are read as one range of CHILD ids: what the range holds beyond the batch must not come
/// back, and a child in the register must still win over an earlier import's link, as in the per-id look-up.
/// </summary>
[Collection(CareRegisterCollection.Name)]
public sealed class Ssda903KeyLinkLookupTests(CareRegisterFixture fixture)
{
    [Fact]
    public async Task A_sorted_batchs_range_look_up_answers_as_the_per_id_look_up_does()
    {
        // Ids of earlier years inside the batch's range (KL02, KL04) and outside it (KK99, KL09); KL03 is also in the
        // register, under a key of its own.
        await fixture.ExecuteAsync("""
            INSERT INTO ssda903_child_keys (local_child_id, child_key, created_at) VALUES
                ('KK99', 'C-KL-BEFORE', now()), ('KL01', 'C-KL-ONE', now()), ('KL02', 'C-KL-TWO', now()),
                ('KL03', 'C-KL-THREE-LINK', now()), ('KL04', 'C-KL-FOUR', now()), ('KL09', 'C-KL-AFTER', now());
            """);
        await fixture.DbAsync(async db =>
        {
            db.Children.Add(new Child
            {
                ChildKey = "C-KL-THREE-REGISTER", GivenName = "Test", FamilyName = "Child", Ethnicity = "WBRI", LocalChildId = "KL03",
                CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow, DateOfBirth = new DateOnly(2012, 5, 1),
            });
            return await db.SaveChangesAsync();
        });
        // A batch of a sorted Header: KL05 has no link yet.
        string[] batch = ["KL01", "KL03", "KL05"];

        await using var connection = new NpgsqlConnection(fixture.Service.ConnectionString);
        await connection.OpenAsync();
        // The look-ups SET LOCAL their planner settings, as they do inside an import's transaction.
        await using var transaction = await connection.BeginTransactionAsync();
        var byRange = await Ssda903Staging.KeyLinksOfSortedBatchAsync(connection, batch, CancellationToken.None);
        var byId = await Ssda903Staging.KeyLinksAsync(connection, batch, CancellationToken.None);

        Assert.Equal(new Dictionary<string, string> { ["KL01"] = "C-KL-ONE", ["KL03"] = "C-KL-THREE-REGISTER" }, byRange);
        Assert.Equal(byId, byRange);
    }
}
