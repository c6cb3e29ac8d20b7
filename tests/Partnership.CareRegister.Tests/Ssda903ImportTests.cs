using System.Net;
using System.Text.Json;
using Partnership.CareRegister.Ssda903;
using Partnership.CareRegister.Ssda903.CommandLine;
using Partnership.CareRegister.Ssda903.Sample;
using Partnership.Testing;

namespace Partnership.CareRegister.Tests;

/// <summary>
/// The importer end to end through the API (and once through the command line), against real PostgreSQL.
/// Each test imports its own collection year, since a year is the unit an import replaces.
/// </summary>
[Collection(CareRegisterCollection.Name)]
public sealed class Ssda903ImportTests(CareRegisterFixture fixture)
{
    private const string ImportsPath = "/api/care-register/imports";

    private static (string Folder, Ssda903SampleSummary Summary) Sample(int year, bool injectFailures = false, int children = 300)
    {
        var folder = Ssda903Uploads.NewFolder();
        var summary = new Ssda903SampleGenerator().Generate(folder, new Ssda903SampleOptions
        {
            CollectionYear = year, ChildrenInCare = children, InjectFailures = injectFailures, Seed = year,
        });
        return (folder, summary);
    }

    private async Task<JsonElement> ImportAsync(int year, string folder, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var http = await fixture.ClientAsync("social-care-system");
        using var form = Ssda903Uploads.FromFolder(folder);
        return await (await http.PostAsync($"{ImportsPath}/{year}", form)).BodyAsync(expected);
    }

    [Fact]
    public async Task A_conformant_return_is_imported_with_its_counts_cohorts_and_events()
    {
        var (folder, expected) = Sample(2021);
        // Other tests import the same sample children into this database: only this import's outbox rows count below.
        var before = await fixture.CountAsync("SELECT COALESCE(max(sequence), 0) FROM outbox_messages");
        var report = await ImportAsync(2021, folder);

        var counts = report.GetProperty("counts");
        Assert.Equal(expected.Children, counts.GetProperty("children").GetInt32());
        Assert.Equal(expected.Episodes, counts.GetProperty("episodes").GetInt32());
        Assert.Equal(expected.Reviews, counts.GetProperty("reviews").GetInt32());
        Assert.Equal(expected.Oc2Records, counts.GetProperty("oc2Records").GetInt32());
        Assert.Equal(expected.Oc2Cohort, counts.GetProperty("oc2Cohort").GetInt32());
        Assert.Equal(expected.Oc3Records, counts.GetProperty("oc3Records").GetInt32());
        Assert.Equal(expected.Oc3Cohort, counts.GetProperty("oc3Cohort").GetInt32());
        Assert.Equal(expected.MissingEpisodes, counts.GetProperty("missingEpisodes").GetInt32());
        Assert.Equal(expected.UascRecords, counts.GetProperty("uascRecords").GetInt32());
        Assert.Equal(0, report.GetProperty("errors").GetInt32());
        Assert.Equal(0, report.GetProperty("warnings").GetInt32());
        Assert.True(expected.ShortBreakChildren > 0 && expected.Oc2Cohort > 0);

        var importId = report.GetProperty("importId").GetGuid();
        Assert.Equal(expected.Episodes, await fixture.OutboxCountAsync("Ssda903EpisodeImported", importId));
        Assert.Equal(expected.Oc2Records, await fixture.OutboxCountAsync("Ssda903Oc2OutcomeImported", importId));
        Assert.Equal(expected.Oc3Records, await fixture.OutboxCountAsync("Ssda903Oc3OutcomeImported", importId));
        Assert.Equal(expected.MissingEpisodes, await fixture.OutboxCountAsync("Ssda903MissingEpisodeImported", importId));
        Assert.Equal(1, await fixture.OutboxCountAsync("Ssda903YearImported", importId));

        // Adoptions: the AD1 and Placed for adoption rows are kept and their milestones published.
        Assert.True(expected.Ad1Records > 0 && expected.AdoptionMilestones > expected.Ad1Records);
        Assert.Equal(expected.Ad1Records, counts.GetProperty("ad1Records").GetInt32());
        Assert.Equal(expected.PlacedForAdoptionRecords, counts.GetProperty("placedForAdoptionRecords").GetInt32());
        Assert.Equal(expected.AdoptionMilestones, counts.GetProperty("adoptionMilestones").GetInt32());
        Assert.Equal(expected.Ad1Records, await fixture.CountAsync("SELECT count(*) FROM ssda903_ad1 WHERE import_id = @id", ("id", importId)));
        Assert.Equal(expected.AdoptionMilestones, await fixture.CountAsync(
            $"SELECT count(*) FROM {OutboxInspection.Events} o JOIN ssda903_children c ON c.child_key = o.body->>'childKey' WHERE c.import_id = @id AND o.message_type LIKE '%.AdoptionMilestoneReached' AND o.sequence > @before",
            ("id", importId), ("before", before)));
        // No milestone falls before the child came into care.
        Assert.Equal(0, await fixture.CountAsync(
            $"""
            SELECT count(*) FROM {OutboxInspection.Events} o JOIN ssda903_children c ON c.child_key = o.body->>'childKey'
            WHERE c.import_id = @id AND o.message_type LIKE '%.AdoptionMilestoneReached' AND (o.body->>'on')::date < (o.body->>'enteredCareOn')::date
            """, ("id", importId)));

        // Every episode's placement was located from its postcodes; most are within 20 miles, as in the demo area.
        Assert.Equal(0, await fixture.CountAsync(
            $"SELECT count(*) FROM {OutboxInspection.Events} e WHERE body->>'importId' = @id AND message_type LIKE '%.Ssda903EpisodeImported' AND body->'withinTwentyMiles' = 'null'::jsonb",
            ("id", importId.ToString())));
        var within = await fixture.CountAsync("SELECT count(*) FROM ssda903_episodes WHERE import_id = @id AND within_20_miles", ("id", importId));
        Assert.InRange(within * 100 / expected.Episodes, 65, 95);

        // The cohort travels with the events: the board can count it without any date of birth.
        Assert.Equal(expected.Oc2Cohort, await fixture.CountAsync(
            $"SELECT count(DISTINCT body->>'childKey') FROM {OutboxInspection.Events} e WHERE body->>'importId' = @id AND (body->>'lookedAfterTwelveMonthsAtYearEnd')::boolean",
            ("id", importId.ToString())));
        Assert.Equal(0, await fixture.CountAsync(
            $"SELECT count(*) FROM {OutboxInspection.Events} e WHERE body->>'importId' = @id AND (body->>'shortBreak')::boolean AND (body->>'lookedAfterTwelveMonthsAtYearEnd')::boolean",
            ("id", importId.ToString())));
        Assert.Equal(0, await fixture.CountAsync(
            $"""
            SELECT count(*) FROM {OutboxInspection.Events} o
            JOIN ssda903_children c ON c.import_id::text = o.body->>'importId' AND c.child_key = o.body->>'childKey'
            WHERE o.body->>'importId' = @id AND (o.body::text LIKE '%' || to_char(c.dob, 'YYYY-MM-DD') || '%' OR o.body::text LIKE '%' || c.child || '%'
                OR o.body::text LIKE '%' || c.upn || '%' OR o.body ? 'dob' OR o.body ? 'dateOfBirth')
            """, ("id", importId.ToString())));

        using var http = await fixture.ClientAsync("social-care-system", "care-register.read");
        var again = await (await http.GetAsync($"{ImportsPath}/{importId}")).BodyAsync(HttpStatusCode.OK);
        Assert.Equal(counts.GetRawText(), again.GetProperty("counts").GetRawText());
    }

    [Fact]
    public async Task A_file_missing_a_required_column_rejects_the_return_whole_and_stores_nothing()
    {
        var (folder, _) = Sample(2018, children: 40);
        var episodes = Path.Combine(folder, "episodes.csv");
        var lines = File.ReadAllLines(episodes);
        // Drop the DECOM column (the second) from every line.
        File.WriteAllLines(episodes, lines.Select(l => string.Join(',', l.Split(',').Where((_, i) => i != 1))));
        var outboxBefore = await fixture.CountAsync("SELECT count(*) FROM outbox_messages");

        var problem = await ImportAsync(2018, folder, HttpStatusCode.BadRequest);
        Assert.Contains("DECOM", problem.GetProperty("missingColumns").GetProperty("episodes.csv").EnumerateArray().Select(c => c.GetString()));
        Assert.True(problem.GetProperty("errors").TryGetProperty("episodes.csv", out _));

        Assert.Equal(0, await fixture.CountAsync("SELECT count(*) FROM ssda903_imports WHERE \"CollectionYear\" = 2018"));
        Assert.Equal(0, await fixture.CountAsync("SELECT count(*) FROM ssda903_children WHERE collection_year = 2018"));
        Assert.Equal(outboxBefore, await fixture.CountAsync("SELECT count(*) FROM outbox_messages"));
    }

    [Fact]
    public async Task Rows_breaking_rules_are_excluded_and_reported_with_file_row_column_and_rule()
    {
        var (folder, expected) = Sample(2022, injectFailures: true);
        Assert.True(expected.InjectedFailures.Count >= 8);
        var report = await ImportAsync(2022, folder);

        var issues = report.GetProperty("issues").EnumerateArray()
            .Select(i => (File: i.GetProperty("file").GetString(), Row: i.GetProperty("row").GetInt32(), Column: i.GetProperty("column").GetString(),
                Rule: i.GetProperty("rule").GetString(), Severity: i.GetProperty("severity").GetString()))
            .ToList();
        foreach (var injected in expected.InjectedFailures)
        {
            Assert.Contains((injected.File, injected.Row, injected.Column, injected.Rule, "error"), issues);
        }
        // Nothing else is flagged: the conformant rows raise no issue.
        Assert.All(issues, i => Assert.Contains(expected.InjectedFailures, f => f.File == i.File && f.Row == i.Row));

        // The excluded rows are not in the data: the counts are those of the conformant rows.
        var counts = report.GetProperty("counts");
        Assert.Equal(expected.Children, counts.GetProperty("children").GetInt32());
        Assert.Equal(expected.Episodes, counts.GetProperty("episodes").GetInt32());
        Assert.Equal(expected.Reviews, counts.GetProperty("reviews").GetInt32());
        Assert.Equal(expected.MissingEpisodes, counts.GetProperty("missingEpisodes").GetInt32());
        Assert.Equal(expected.Oc2Records, counts.GetProperty("oc2Records").GetInt32());
        Assert.Equal(expected.Episodes, await fixture.CountAsync("SELECT count(*) FROM ssda903_episodes WHERE collection_year = 2022"));
    }

    [Fact]
    public async Task Reimporting_a_year_replaces_it_and_keeps_each_childs_key()
    {
        var (folder, expected) = Sample(2023, children: 120);
        var first = await ImportAsync(2023, folder);
        var keysBefore = await fixture.CountAsync("SELECT count(DISTINCT child_key) FROM ssda903_episodes WHERE collection_year = 2023");
        var second = await ImportAsync(2023, folder);

        Assert.Equal(expected.Episodes, await fixture.CountAsync("SELECT count(*) FROM ssda903_episodes WHERE collection_year = 2023"));
        Assert.Equal(expected.Children, await fixture.CountAsync("SELECT count(*) FROM ssda903_children WHERE collection_year = 2023"));
        Assert.Equal(expected.Oc2Records, await fixture.CountAsync("SELECT count(*) FROM ssda903_oc2 WHERE collection_year = 2023"));
        Assert.Equal(keysBefore, await fixture.CountAsync(
            "SELECT count(DISTINCT e.child_key) FROM ssda903_episodes e JOIN ssda903_child_keys k ON k.child_key = e.child_key WHERE e.collection_year = 2023"));

        var firstId = first.GetProperty("importId").GetGuid();
        var secondId = second.GetProperty("importId").GetGuid();
        using var http = await fixture.ClientAsync("social-care-system");
        var firstAgain = await (await http.GetAsync($"{ImportsPath}/{firstId}")).BodyAsync(HttpStatusCode.OK);
        Assert.Equal(secondId, firstAgain.GetProperty("supersededBy").GetGuid());
        Assert.Equal(expected.Episodes, await fixture.OutboxCountAsync("Ssda903EpisodeImported", secondId));
    }

    [Fact]
    public async Task The_command_line_imports_a_folder_through_the_same_code()
    {
        var (folder, expected) = Sample(2019, children: 60);
        var output = new StringWriter();
        var exit = await Ssda903CommandLine.RunAsync(["import", "2019", folder, "--connection", fixture.Service.ConnectionString], output, CancellationToken.None);
        Assert.True(exit == Ssda903CommandLine.Imported, output.ToString());
        Assert.Equal(expected.Episodes, await fixture.CountAsync("SELECT count(*) FROM ssda903_episodes WHERE collection_year = 2019"));
        Assert.Equal(1, await fixture.CountAsync("SELECT count(*) FROM ssda903_imports WHERE \"CollectionYear\" = 2019"));
        Assert.Equal(expected.Episodes, await fixture.CountAsync(
            $"SELECT count(*) FROM {OutboxInspection.Events} e WHERE message_type LIKE '%Ssda903EpisodeImported' AND (body->>'collectionYear')::int = 2019"));
    }

    [Fact]
    public async Task Rules_across_rows_hold_when_the_rows_fall_in_different_batches_of_a_large_return()
    {
        // More rows than one batch of the importer, so each appended row is judged in a later batch than the one it clashes with.
        var folder = Ssda903Uploads.NewFolder();
        var expected = new Ssda903SampleGenerator().Generate(folder, new Ssda903SampleOptions
        {
            CollectionYear = 2013, ChildrenInCare = 4_000, Seed = 2013, ChildIdPrefix = "K",
        });
        Assert.True(expected.Children > Ssda903Importer.BatchSize && expected.Episodes > Ssda903Importer.BatchSize);
        int Append(string file, Func<string[], string> pick)
        {
            var path = Path.Combine(folder, file);
            var lines = File.ReadAllLines(path);
            File.AppendAllLines(path, [pick(lines)]);
            return lines.Length + 1;
        }
        var oc2Child = File.ReadAllLines(Path.Combine(folder, "oc2.csv"))[1].Split(',')[0];
        var header = Append("header.csv", lines => lines[1]);
        // The OC2 child's first episode again: same DECOM, later line, so it overlaps the first.
        var episode = Append("episodes.csv", lines => lines.First(l => l.StartsWith(oc2Child + ",", StringComparison.Ordinal)));
        var oc2 = Append("oc2.csv", lines => lines[1]);

        var report = await ImportAsync(2013, folder);

        var issues = report.GetProperty("issues").EnumerateArray()
            .Select(i => (i.GetProperty("file").GetString(), i.GetProperty("row").GetInt32(), i.GetProperty("column").GetString(), i.GetProperty("rule").GetString()))
            .OrderBy(i => i.Item1).ToList();
        Assert.Equal(
            [
                ("episodes.csv", episode, "DECOM", Ssda903Rules.EpisodeOverlap),
                ("header.csv", header, "CHILD", Ssda903Rules.DuplicateChild),
                ("oc2.csv", oc2, "CHILD", Ssda903Rules.DuplicateChild),
            ],
            issues);
        var counts = report.GetProperty("counts");
        Assert.Equal(expected.Children, counts.GetProperty("children").GetInt32());
        Assert.Equal(expected.Episodes, counts.GetProperty("episodes").GetInt32());
        Assert.Equal(expected.Oc2Records, counts.GetProperty("oc2Records").GetInt32());
        Assert.Equal(expected.Oc2Cohort, counts.GetProperty("oc2Cohort").GetInt32());
        Assert.Equal(expected.Oc3Cohort, counts.GetProperty("oc3Cohort").GetInt32());
        Assert.Equal(expected.MissingEpisodes, counts.GetProperty("missingEpisodes").GetInt32());
        Assert.Equal(expected.AdoptionMilestones, counts.GetProperty("adoptionMilestones").GetInt32());
        var importId = report.GetProperty("importId").GetGuid();
        Assert.Equal(expected.Episodes, await fixture.OutboxCountAsync("Ssda903EpisodeImported", importId));
        Assert.Equal(expected.Oc2Records, await fixture.OutboxCountAsync("Ssda903Oc2OutcomeImported", importId));
        Assert.Equal(expected.Children, await fixture.CountAsync("SELECT count(DISTINCT child_key) FROM ssda903_children WHERE import_id = @id", ("id", importId)));
    }

    [Fact]
    public async Task Only_the_register_writers_may_import()
    {
        var (folder, _) = Sample(2017, children: 10);
        using var school = await fixture.ClientAsync("virtual-school-system", "virtual-school.write");
        using (var form = Ssda903Uploads.FromFolder(folder))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await school.PostAsync($"{ImportsPath}/2017", form)).StatusCode);
        }
        using var readOnly = await fixture.ClientAsync("social-care-system", "care-register.read");
        using (var form = Ssda903Uploads.FromFolder(folder))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsync($"{ImportsPath}/2017", form)).StatusCode);
        }
        Assert.Equal(0, await fixture.CountAsync("SELECT count(*) FROM ssda903_imports WHERE \"CollectionYear\" = 2017"));
    }
}
