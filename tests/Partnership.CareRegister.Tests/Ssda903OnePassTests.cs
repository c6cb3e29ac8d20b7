using Partnership.CareRegister.Ssda903;
using Partnership.CareRegister.Ssda903.CommandLine;
using Partnership.CareRegister.Ssda903.Sample;
using Partnership.Testing;

namespace Partnership.CareRegister.Tests;

/// <summary>
/// A return in CHILD order takes the one-pass import; the same return with its children in another order takes the
/// staged import. Both must store, report and publish the same year.
/// </summary>
[Collection(CareRegisterCollection.Name)]
public sealed class Ssda903OnePassTests(CareRegisterFixture fixture)
{
    private const int Year = 2011;

    [Fact]
    public async Task A_sorted_return_in_one_pass_stores_reports_and_publishes_what_the_staged_import_does_and_keeps_every_batchs_keys_when_imported_again()
    {
        var original = Ssda903Uploads.NewFolder();
        var expected = new Ssda903SampleGenerator().Generate(original, new Ssda903SampleOptions
        {
            CollectionYear = Year, ChildrenInCare = 4_000, InjectFailures = true, Seed = Year, ChildIdPrefix = "P",
        });
        Assert.True(expected.Children > Ssda903SortedImport.HeaderBatch);

        // Sorted by CHILD, each child's rows in their order in the file; the child that ends the first Header batch
        // gets a duplicate Header row at the start of the second.
        var sorted = Rewrite(original, (name, rows) =>
        {
            var byChild = rows.OrderBy(Child, StringComparer.Ordinal).ToList();
            if (name == "header.csv")
            {
                byChild.Insert(Ssda903SortedImport.HeaderBatch, byChild[Ssda903SortedImport.HeaderBatch - 1]);
            }
            return byChild;
        });
        // The same rows with the children in a shuffled order (each child's rows still together and in order).
        var random = new Random(Year);
        var shuffled = Rewrite(sorted, (_, rows) => rows.GroupBy(Child).OrderBy(_ => random.Next()).SelectMany(g => g).ToList());

        var (onePassOutput, onePass) = await ImportAsync(sorted);
        Assert.Contains("one pass", onePassOutput);
        var (stagedOutput, staged) = await ImportAsync(shuffled);
        Assert.Contains("through staging tables", stagedOutput);

        var headerDuplicates = expected.InjectedFailures.Count(f => f.File == "header.csv" && f.Rule == Ssda903Rules.DuplicateChild) + 1;
        Assert.Equal(headerDuplicates, onePass.Split("; ").Count(issue => issue.StartsWith($"{Ssda903Rules.DuplicateChild} header.csv", StringComparison.Ordinal)));
        Assert.Equal(onePass, staged);

        // Imported again in one pass: every child already has a key, and those of the batches after the first are
        // looked up on a connection of their own while the batch before is written; the same keys must come back.
        var (againOutput, again) = await ImportAsync(sorted);
        Assert.Contains("one pass", againOutput);
        Assert.Equal(onePass, again);
    }

    [Fact]
    public async Task A_file_found_out_of_order_after_a_batch_was_written_falls_back_with_one_key_link_per_child()
    {
        const int year = 2010;
        var original = Ssda903Uploads.NewFolder();
        var expected = new Ssda903SampleGenerator().Generate(original, new Ssda903SampleOptions
        {
            CollectionYear = year, ChildrenInCare = 4_000, Seed = year, ChildIdPrefix = "Q",
        });
        Assert.True(expected.Children > Ssda903SortedImport.HeaderBatch);
        // Everything in CHILD order but one episode of the last child, moved past the first Header batch's children:
        // the pass has written (and linked) a batch before it meets the disorder.
        var folder = Rewrite(original, (name, rows) =>
        {
            var byChild = rows.OrderBy(Child, StringComparer.Ordinal).ToList();
            if (name == "episodes.csv")
            {
                var last = byChild[^1];
                byChild.RemoveAt(byChild.Count - 1);
                byChild.Insert(byChild.Count * 19 / 20, last);
            }
            return byChild;
        });

        var output = new StringWriter();
        var exit = await Ssda903CommandLine.RunAsync(["import", $"{year}", folder, "--connection", fixture.Service.ConnectionString], output,
            CancellationToken.None);

        Assert.True(exit == Ssda903CommandLine.Imported, output.ToString());
        Assert.Contains("through staging tables", output.ToString());
        // The links the pass stored for its first batches are committed (batch by batch, ADR 0021 as amended) and the
        // staged import takes them up instead of making new ones, and the pass's side transactions ended before it
        // began: one link per child, each the key the child's rows carry.
        var importId = await fixture.ScalarAsync<Guid>("""SELECT "Id" FROM ssda903_imports WHERE "CollectionYear" = @year AND "SupersededBy" IS NULL""", ("year", year));
        Assert.Equal(expected.Children, await fixture.ScalarAsync<long>("SELECT count(*) FROM ssda903_child_keys WHERE local_child_id LIKE 'Q%'"));
        Assert.Equal(0, await fixture.ScalarAsync<long>("""
            SELECT count(*) FROM ssda903_children c LEFT JOIN ssda903_child_keys k ON k.local_child_id = c.child AND k.child_key = c.child_key
            WHERE c.import_id = @id AND k.child_key IS NULL
            """, ("id", importId)));
    }

    private static string Child(string row) => row[..row.IndexOf(',')];

    private static string Rewrite(string from, Func<string, List<string>, List<string>> reorder)
    {
        var to = Ssda903Uploads.NewFolder();
        foreach (var path in Directory.EnumerateFiles(from, "*.csv"))
        {
            var lines = File.ReadAllLines(path);
            var name = Path.GetFileName(path);
            File.WriteAllLines(Path.Combine(to, name), [lines[0], .. reorder(name, [.. lines.Skip(1)])]);
        }
        return to;
    }

    /// <returns>The command line's output, and what the import stored, reported and published without its line numbers and ids.</returns>
    private async Task<(string Output, string Fingerprint)> ImportAsync(string folder)
    {
        var before = await fixture.ScalarAsync<long>("SELECT COALESCE(max(sequence), 0) FROM outbox_messages");
        var output = new StringWriter();
        var exit = await Ssda903CommandLine.RunAsync(["import", $"{Year}", folder, "--connection", fixture.Service.ConnectionString], output, CancellationToken.None);
        Assert.True(exit == Ssda903CommandLine.Imported, output.ToString());
        var importId = await fixture.ScalarAsync<Guid>("""SELECT "Id" FROM ssda903_imports WHERE "CollectionYear" = @year AND "SupersededBy" IS NULL""", ("year", Year));

        var parts = new List<string>();
        foreach (var table in Ssda903Importer.YearTables)
        {
            parts.Add($"{table} " + await fixture.ScalarAsync<string>($"""
                SELECT count(*) || ' ' || COALESCE(md5(string_agg(r, '|' ORDER BY r)), '-')
                FROM (SELECT (to_jsonb(t) - 'import_id' - 'row_number')::text AS r FROM {table} t WHERE import_id = @id) rows
                """, ("id", importId)));
        }
        parts.Add(await fixture.ScalarAsync<string>("""
            SELECT COALESCE(string_agg(rule || ' ' || file || ' ' || COALESCE("column", '') || ' ' || severity, '; ' ORDER BY rule, file, "column", severity), '')
            FROM ssda903_import_issues WHERE import_id = @id
            """, ("id", importId)));
        // Events without their ids; the milestones carry no import id but follow the import's outbox rows.
        parts.Add("events " + await fixture.ScalarAsync<string>($"""
            SELECT count(*) || ' ' || md5(string_agg(r, '|' ORDER BY r))
            FROM (SELECT message_type || (e.body - 'eventId' - 'importId' - 'occurredAt')::text AS r FROM {OutboxInspection.Events} e
                  WHERE e.sequence > @before AND (e.body->>'importId' = @id OR e.message_type LIKE '%.AdoptionMilestoneReached')) events
            """, ("before", before), ("id", importId.ToString())));
        return (output.ToString(), string.Join('\n', parts));
    }
}
