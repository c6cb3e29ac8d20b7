using System.Net;
using System.Text.Json;
using Partnership.Testing;

namespace Partnership.CareRegister.Tests;

/// <summary>
/// Hand-made returns for the adoption files, the adoption milestones read from episodes (across years), and the
/// within-20-miles flag from PL_DISTANCE or postcodes, each rule failure reported at its file, row and column.
/// Years 2015 and 2016 are this class's own.
/// </summary>
[Collection(CareRegisterCollection.Name)]
public sealed class Ssda903AdoptionAndDistanceImportTests(CareRegisterFixture fixture)
{
    private async Task<JsonElement> ImportAsync(int year, string folder)
    {
        using var http = await fixture.ClientAsync("social-care-system");
        using var form = Ssda903Uploads.FromFolder(folder);
        return await (await http.PostAsync($"/api/care-register/imports/{year}", form)).BodyAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Adoption_files_and_episodes_give_the_milestones_and_distances_give_the_flag_with_every_problem_reported()
    {
        string a = Ssda903HandMadeReturn.Id("A"), b = Ssda903HandMadeReturn.Id("B"), c = Ssda903HandMadeReturn.Id("C"), d = Ssda903HandMadeReturn.Id("D");
        string e = Ssda903HandMadeReturn.Id("E"), f = Ssda903HandMadeReturn.Id("F"), g = Ssda903HandMadeReturn.Id("G"), h = Ssda903HandMadeReturn.Id("H");

        // 2014/15: A came into care in June 2014 and had a placement order in February 2015.
        var earlier = new Ssda903HandMadeReturn().Child(a, "2013-01-05");
        earlier.Episode(a, "2014-06-01", "2015-02-01", "S", "C2", "U4", "X1");
        earlier.Episode(a, "2015-02-01", null, "L", "E1", "U4", null);
        var earlierReport = await ImportAsync(2015, earlier.Write());
        Assert.Equal(0, earlierReport.GetProperty("warnings").GetInt32());

        var year = new Ssda903HandMadeReturn(withDistance: true)
            .Child(a, "2013-01-05").Child(b, "2012-03-03").Child(c, "2014-07-07").Child(d, "2013-09-09")
            .Child(e, "2010-01-01").Child(f, "2010-01-01").Child(g, "2010-01-01").Child(h, "2010-01-01");
        // A: placed with adopters in September 2015, adopted in February 2016; entry to care is only in the 2015 return.
        year.Episode(a, "2015-02-01", "2015-09-01", "L", "E1", "U4", "X1");
        year.Episode(a, "2015-09-01", "2016-02-01", "P", "E1", "A6", "E11");
        var ad1A = year.Ad1(a, "2013-01-05", "2014-12-01", "2015-08-01", number: "1", sex: "MF");
        year.Placed(a, "2013-01-05", "2014-12-01");
        // B: in care since before any imported year; a decision to place for adoption, reversed.
        year.Episode(b, "2015-01-10", null, "L", "C2", "U4", null);
        var placedB = year.Placed(b, "2012-03-03", "2015-06-01", "2015-10-01", "RD2");
        // C: adopted, but missing from AD1.
        year.Episode(c, "2015-05-01", "2015-06-01", "S", "C2", "U4", "X1");
        var adoptedC = year.Episode(c, "2015-06-01", "2016-01-15", "P", "E1", "A5", "E12");
        // D: in AD1, but no episode ends in adoption.
        year.Episode(d, "2015-04-10", null, "S", "C2", "U4", null);
        var ad1D = year.Ad1(d, "2013-09-09", "2015-07-01", "2015-11-01");
        // E: DfE's PL_DISTANCE wins over postcodes a few miles apart. F: unreadable distance, postcodes used.
        year.Episode(e, "2015-05-01", null, "S", "C2", "U4", null, "NG7 3AB", "NG8 1CD", "25.3");
        var lineF = year.Episode(f, "2015-05-01", null, "S", "C2", "U4", null, "NG7 3AB", "NG18 1CD", "far");
        // G: a placement district the table does not hold. H: a home postcode that is not one.
        var lineG = year.Episode(g, "2015-05-01", null, "S", "C2", "U4", null, "NG7 3AB", "ZZ9 9ZZ");
        var lineH = year.Episode(h, "2015-05-01", null, "S", "C2", "U4", null, "12345", "NG8 1CD");

        var report = await ImportAsync(2016, year.Write());

        Assert.Equal(0, report.GetProperty("errors").GetInt32());
        var issues = report.GetProperty("issues").EnumerateArray()
            .Select(i => (i.GetProperty("file").GetString(), i.GetProperty("row").GetInt32(), i.GetProperty("column").GetString(), i.GetProperty("rule").GetString()))
            .OrderBy(i => i.Item1).ThenBy(i => i.Item2).ToList();
        Assert.Equal(
            [
                ("ad1.csv", ad1A, "SEX_ADOPTR", "adopters-inconsistent"),
                ("ad1.csv", ad1D, "CHILD", "adoption-episode-missing"),
                ("episodes.csv", adoptedC, "REC", "adoption-not-reported"),
                ("episodes.csv", lineF, "PL_DISTANCE", "invalid-distance"),
                ("episodes.csv", lineG, "PL_POST", "postcode-not-located"),
                ("episodes.csv", lineH, "HOME_POST", "invalid-postcode"),
                ("placed_for_adoption.csv", placedB, "CHILD", "period-start-unknown"),
            ],
            issues);

        var counts = report.GetProperty("counts");
        Assert.Equal(2, counts.GetProperty("ad1Records").GetInt32());
        Assert.Equal(2, counts.GetProperty("placedForAdoptionRecords").GetInt32());
        Assert.Equal(9, counts.GetProperty("adoptionMilestones").GetInt32());

        var importId = report.GetProperty("importId").GetGuid().ToString();
        var keys = await KeysAsync(a, b, d, e, f, g, h);
        var milestones = await EventsAsync("AdoptionMilestoneReached", importId: null, keys[a], keys[b], keys[d]);
        Assert.Equal(
            [
                (keys[a], "BestInterestDecision", "2014-12-01", "2014-06-01"),
                (keys[a], "PlacementOrder", "2015-02-01", "2014-06-01"),
                (keys[a], "MatchApproved", "2015-08-01", "2014-06-01"),
                (keys[a], "PlacedForAdoption", "2015-09-01", "2014-06-01"),
                (keys[a], "Adopted", "2016-02-01", "2014-06-01"),
                (keys[b], "BestInterestDecision", "2015-06-01", "2015-01-10"),
                (keys[b], "PlanRevoked", "2015-10-01", "2015-01-10"),
                (keys[d], "BestInterestDecision", "2015-07-01", "2015-04-10"),
                (keys[d], "MatchApproved", "2015-11-01", "2015-04-10"),
            ],
            milestones.Select(m => (m.GetProperty("childKey").GetString()!, m.GetProperty("milestone").GetString(), m.GetProperty("on").GetString(),
                m.GetProperty("enteredCareOn").GetString())).OrderBy(m => m.Item1 == keys[a] ? 0 : m.Item1 == keys[b] ? 1 : 2).ToList());

        var episodes = await EventsAsync("Ssda903EpisodeImported", importId, keys[e], keys[f], keys[g], keys[h]);
        bool? Flag(string child) => NullableFlag(episodes.Single(x => x.GetProperty("childKey").GetString() == keys[child]).GetProperty("withinTwentyMiles"));
        Assert.Equal<(bool?, bool?, bool?, bool?)>((false, true, null, null), (Flag(e), Flag(f), Flag(g), Flag(h)));
        Assert.Equal(25.3, await fixture.ScalarAsync<double>("SELECT pl_distance FROM ssda903_episodes WHERE collection_year = 2016 AND child = @c", ("c", e)));
        Assert.DoesNotContain(episodes, x => x.GetRawText().Contains("NG7"));
    }

    private static bool? NullableFlag(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetBoolean();

    private async Task<Dictionary<string, string>> KeysAsync(params string[] children)
    {
        var keys = new Dictionary<string, string>();
        foreach (var child in children)
        {
            keys[child] = await fixture.ScalarAsync<string>("SELECT child_key FROM ssda903_child_keys WHERE local_child_id = @c", ("c", child));
        }
        return keys;
    }

    private async Task<List<JsonElement>> EventsAsync(string type, string? importId, params string[] childKeys)
    {
        var all = new List<JsonElement>();
        foreach (var key in childKeys)
        {
            all.AddRange((await OutboxProbe.EventsAsync(fixture.Service.ConnectionString, type, key))
                .Where(x => importId is null || x.GetProperty("importId").GetString() == importId));
        }
        return all;
    }
}
