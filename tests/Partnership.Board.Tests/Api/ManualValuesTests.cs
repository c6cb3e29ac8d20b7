using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Partnership.Board.Tests.Infrastructure;

namespace Partnership.Board.Tests.Api;

/// <summary>Values entered by board officers: validation that stores nothing, audit fields, append-only history.</summary>
public sealed class ManualValuesTests(BoardHost host) : IClassFixture<BoardHost>
{
    private Task<int> Stored(string indicator) => host.WithDbAsync(db => db.ManualValues.CountAsync(m => m.IndicatorId == indicator));

    [Fact]
    public async Task A_valid_entry_is_stored_with_who_and_when_and_a_correction_is_a_new_row_that_wins()
    {
        using var member = await host.BoardMemberAsync();
        var first = await member.PostAsJsonAsync("/api/board/indicators/1.3/manual-values", new { year = 2016, value = 10, source = "CiCC minutes", note = "two cancelled" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var created = await Json.ReadAsync(first);
        Assert.False(string.IsNullOrEmpty(created.GetProperty("enteredBy").GetString()));
        Assert.Equal("2016/17", created.GetProperty("period").GetString());

        var correction = await member.PostAsJsonAsync("/api/board/indicators/1.3/manual-values", new { year = 2016, value = 12, source = "CiCC minutes (corrected)" });
        Assert.Equal(HttpStatusCode.Created, correction.StatusCode);

        using var reader = await host.ReaderAsync();
        var history = await Json.ReadAsync(await reader.GetAsync("/api/board/indicators/1.3/manual-values"));
        Assert.Equal(2, history.GetArrayLength());
        Assert.Equal(12m, history[0].GetProperty("value").GetDecimal());
        Assert.Equal(10m, history[1].GetProperty("value").GetDecimal());

        var overview = await Json.ReadAsync(await reader.GetAsync("/api/board/indicators?year=2016"));
        var indicator = Json.Indicator(overview, "1.3");
        Assert.Equal(12m, Json.Value(indicator));
        Assert.Equal("Green", indicator.GetProperty("rag").GetString()); // 12 meetings against a target of 12
        Assert.Equal("Manual", indicator.GetProperty("sourceKind").GetString());
    }

    [Fact]
    public async Task Invalid_entries_get_field_errors_and_store_nothing()
    {
        using var member = await host.BoardMemberAsync();
        var before = await Stored("1.4");

        var response = await member.PostAsJsonAsync("/api/board/indicators/1.4/manual-values", new { year = 2016, quarter = 5, value = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await JsonErrors.ReadErrorsAsync(response)).ToHashSet();
        Assert.Contains("Quarter", errors);
        Assert.Contains("Value", errors);
        Assert.Contains("Source", errors);

        var future = await member.PostAsJsonAsync("/api/board/indicators/1.4/manual-values", new { year = 2099, value = 20, source = "register" });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("Year", await JsonErrors.ReadErrorsAsync(future));

        var overHundred = await member.PostAsJsonAsync("/api/board/indicators/1.5/manual-values", new { year = 2016, value = 120, source = "survey" });
        Assert.Equal(HttpStatusCode.BadRequest, overHundred.StatusCode);
        Assert.Contains("value", await JsonErrors.ReadErrorsAsync(overHundred));

        var computed = await member.PostAsJsonAsync("/api/board/indicators/5.1/manual-values", new { year = 2016, value = 80, source = "spreadsheet" });
        Assert.Equal(HttpStatusCode.BadRequest, computed.StatusCode);
        Assert.Contains("indicator", await JsonErrors.ReadErrorsAsync(computed));

        var badCounts = await member.PostAsJsonAsync("/api/board/indicators/1.5/manual-values", new { year = 2016, value = 20, numerator = 30, denominator = 20, source = "survey" });
        Assert.Equal(HttpStatusCode.BadRequest, badCounts.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await member.PostAsJsonAsync("/api/board/indicators/9.9/manual-values", new { year = 2016, value = 1, source = "x" })).StatusCode);
        Assert.Equal(before, await Stored("1.4"));
        Assert.Equal(0, await Stored("1.5"));
        Assert.Equal(0, await Stored("5.1"));
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_an_entry()
    {
        using var member = await host.BoardMemberAsync();
        Assert.Equal(HttpStatusCode.Created, (await member.PostAsJsonAsync("/api/board/indicators/4.5a/manual-values", new { year = 2016, quarter = 1, value = 2, source = "meeting notes" })).StatusCode);

        await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() => host.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE manual_values SET value = 6")));
        await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() => host.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM manual_values")));
        Assert.Equal(2m, await host.WithDbAsync(db => db.ManualValues.Where(m => m.IndicatorId == "4.5a" && m.FinancialYear == 2016).Select(m => m.Value).SingleAsync()));
    }

    [Fact]
    public async Task A_manual_count_of_children_is_suppressed_when_small_but_a_count_of_meetings_is_not()
    {
        using var member = await host.BoardMemberAsync();
        await member.PostAsJsonAsync("/api/board/indicators/1.4/manual-values", new { year = 2015, value = 3, source = "CiCC register" });
        await member.PostAsJsonAsync("/api/board/indicators/4.5a/manual-values", new { year = 2015, value = 3, source = "meeting notes" });

        using var reader = await host.ReaderAsync();
        var overview = await Json.ReadAsync(await reader.GetAsync("/api/board/indicators?year=2015"));
        Assert.Null(Json.Value(Json.Indicator(overview, "1.4")));
        Assert.True(Json.Indicator(overview, "1.4").GetProperty("numerator").GetProperty("suppressed").GetBoolean());
        Assert.Equal(3m, Json.Value(Json.Indicator(overview, "4.5a")));
    }
}
