using System.Net;
using System.Net.Http.Json;
using Partnership.Board.Tests.Infrastructure;

namespace Partnership.Board.Tests.Api;

/// <summary>Who may call what, with real tokens from the identity service.</summary>
public sealed class AccessTests(BoardHost host) : IClassFixture<BoardHost>
{
    private static readonly object Entry = new { year = 2016, value = 12, source = "CiCC minutes" };

    [Theory]
    [InlineData("/api/board/indicators")]
    [InlineData("/api/board/indicators/1.1")]
    [InlineData("/api/board/plans")]
    [InlineData("/api/board/indicators/1.3/manual-values")]
    public async Task Without_a_token_reads_are_refused_with_401(string path)
    {
        using var anonymous = await host.Board.ClientAsync(clientId: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Without_a_token_writes_are_refused_with_401()
    {
        using var anonymous = await host.Board.ClientAsync(clientId: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/board/indicators/1.3/manual-values", Entry)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/board/rebuild", null)).StatusCode);
    }

    [Fact]
    public async Task An_agency_systems_token_is_not_accepted()
    {
        // Agency clients cannot obtain board scopes, so their tokens are not even addressed to the board: 401.
        using var health = await host.Board.ClientAsync("health-system");
        Assert.Equal(HttpStatusCode.Unauthorized, (await health.GetAsync("/api/board/indicators")).StatusCode);
    }

    [Fact]
    public async Task A_board_token_without_board_read_gets_403()
    {
        using var writeOnly = await host.StaffAsync("board.member", "Board-Member-1!", "openid board.write");
        Assert.Equal(HttpStatusCode.Forbidden, (await writeOnly.GetAsync("/api/board/indicators")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await writeOnly.GetAsync("/api/board/plans")).StatusCode);
    }

    [Fact]
    public async Task The_reporting_client_reads_but_may_not_write_or_rebuild()
    {
        using var reader = await host.ReaderAsync();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/board/plans")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync("/api/board/indicators/1.3/manual-values", Entry)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync("/api/board/rebuild", null)).StatusCode);
    }

    [Fact]
    public async Task Only_administrators_rebuild()
    {
        using var member = await host.BoardMemberAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync("/api/board/rebuild?fromYear=2016&toYear=2016", null)).StatusCode);
        using var admin = await host.AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/board/rebuild?fromYear=2016&toYear=2016", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/api/board/rebuild?fromYear=2017&toYear=2016", null)).StatusCode);
    }

    [Fact]
    public async Task Bad_period_and_unknown_plan_or_indicator()
    {
        using var reader = await host.ReaderAsync();
        var bad = await reader.GetAsync("/api/board/indicators?year=2016&quarter=5");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("quarter", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/api/board/indicators?plan=nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/api/board/indicators/9.9")).StatusCode);
    }
}
