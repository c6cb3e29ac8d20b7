using System.Net;
using System.Text;

namespace Partnership.Security.Tests.HostileInput;

/// <summary>Bodies built to exhaust a service: over Kestrel's size limit, or nested deeper than any real document.</summary>
public sealed class OversizedAndNestedBodyTests(HostileInputFixture fixture) : IClassFixture<HostileInputFixture>
{
    private const int NestingLevels = 10_000;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string DeeplyNested(int levels) =>
        "{\"childKey\":" + string.Concat(Enumerable.Repeat("{\"a\":", levels)) + "1" + new string('}', levels) + "}";

    [Fact]
    public async Task A_body_over_the_servers_limit_is_refused_with_413()
    {
        // Kestrel's default ceiling is 30,000,000 bytes; this is a syntactically plausible JSON document just over it.
        var padding = new string('x', 30_000_100);
        using var client = await fixture.ClientAsync(fixture.Health, "health-system");
        // Expect: 100-continue lets the client read the refusal instead of having its upload cut off mid-send; the
        // client's default one-second wait for the server's answer is too short on a loaded machine, after which it
        // starts the upload anyway and may see the connection reset instead of the 413.
        using var http = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(60) })
        {
            BaseAddress = client.BaseAddress,
        };
        http.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        http.DefaultRequestHeaders.ExpectContinue = true;
        await Refusal.AssertRefusedAsync(fixture.Health,
            () => http.PostAsync("/api/health/assessments", Json($"{{\"childKey\":\"{padding}\"}}")),
            HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Ten_thousand_levels_of_json_nesting_are_a_bad_request_at_health()
    {
        using var http = await fixture.ClientAsync(fixture.Health, "health-system");
        await Refusal.AssertRefusedAsync(fixture.Health, () => http.PostAsync("/api/health/assessments", Json(DeeplyNested(NestingLevels))));
    }

    [Fact]
    public async Task Ten_thousand_levels_of_json_nesting_are_a_bad_request_at_the_care_register()
    {
        using var http = await fixture.ClientAsync(fixture.CareRegister, "social-care-system");
        await Refusal.AssertRefusedAsync(fixture.CareRegister, () => http.PostAsync("/api/care-register/children", Json(DeeplyNested(NestingLevels))));
    }

    [Fact]
    public async Task Ten_thousand_nested_arrays_are_a_bad_request_at_the_board()
    {
        using var http = await fixture.BoardMemberAsync();
        var body = "{\"year\":2025,\"value\":" + new string('[', NestingLevels) + new string(']', NestingLevels) + "}";
        await Refusal.AssertRefusedAsync(fixture.Board, () => http.PostAsync("/api/board/indicators/1.1/manual-values", Json(body)));
    }
}
