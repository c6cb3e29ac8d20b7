using Npgsql;
using Partnership.CareRegister.Ssda903;
using Partnership.CareRegister.Ssda903.CommandLine;
using Partnership.CareRegister.Ssda903.Sample;

namespace Partnership.CareRegister.Tests;

/// <summary>
/// A one-pass import writes its key links and the rows of the files read beside the Header in a side transaction that
/// commits just before the year's own (ADR 0021). A year that then fails must leave none of those rows behind.
/// </summary>
[Collection(CareRegisterCollection.Name)]
public sealed class Ssda903SideTransactionTests(CareRegisterFixture fixture)
{
    private const int Year = 2009;

    [Fact]
    public async Task A_year_that_fails_after_its_side_rows_committed_leaves_none_of_them_and_its_links_serve_the_retry()
    {
        var folder = Ssda903Uploads.NewFolder();
        var expected = new Ssda903SampleGenerator().Generate(folder, new Ssda903SampleOptions
        {
            CollectionYear = Year, ChildrenInCare = 300, Seed = Year, ChildIdPrefix = "S",
        });
        Assert.True(expected.Oc3Records > 0 && expected.MissingEpisodes > 0);

        // The year's own transaction fails at its last writes, after the one pass (and so its side transaction) committed.
        await fixture.ExecuteAsync($"""
            CREATE FUNCTION test_fail_ssda903_{Year}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'the year {Year} does not commit'; END $$;
            CREATE TRIGGER test_fail_ssda903_{Year} BEFORE INSERT ON ssda903_imports
                FOR EACH ROW WHEN (NEW."CollectionYear" = {Year}) EXECUTE FUNCTION test_fail_ssda903_{Year}();
            """);
        try
        {
            var failure = await Assert.ThrowsAsync<PostgresException>(() => ImportAsync(folder));
            Assert.Contains($"the year {Year} does not commit", failure.MessageText);
        }
        finally
        {
            await fixture.ExecuteAsync($"DROP TRIGGER test_fail_ssda903_{Year} ON ssda903_imports; DROP FUNCTION test_fail_ssda903_{Year}();");
        }

        foreach (var table in Ssda903Importer.YearTables)
        {
            Assert.Equal(0, await fixture.CountAsync($"SELECT count(*) FROM {table} WHERE collection_year = @year", ("year", Year)));
        }
        var links = await fixture.CountAsync("SELECT count(*) FROM ssda903_child_keys WHERE local_child_id LIKE 'S%'");
        Assert.Equal(expected.Children, links);

        // The retry commits, and gives every child the key its link from the failed attempt already holds.
        var output = await ImportAsync(folder);
        Assert.Contains("one pass", output);
        Assert.Equal(expected.Oc3Records, await fixture.CountAsync("SELECT count(*) FROM ssda903_oc3 WHERE collection_year = @year", ("year", Year)));
        Assert.Equal(links, await fixture.CountAsync("SELECT count(*) FROM ssda903_child_keys WHERE local_child_id LIKE 'S%'"));
        Assert.Equal(0, await fixture.CountAsync("""
            SELECT count(*) FROM ssda903_children c LEFT JOIN ssda903_child_keys k ON k.local_child_id = c.child AND k.child_key = c.child_key
            WHERE c.collection_year = @year AND k.child_key IS NULL
            """, ("year", Year)));
    }

    private async Task<string> ImportAsync(string folder)
    {
        var output = new StringWriter();
        var exit = await Ssda903CommandLine.RunAsync(["import", $"{Year}", folder, "--connection", fixture.Service.ConnectionString], output,
            CancellationToken.None);
        Assert.True(exit == Ssda903CommandLine.Imported, output.ToString());
        return output.ToString();
    }
}
