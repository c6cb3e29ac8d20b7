using System.Net;
using System.Text.Json;
using Partnership.Security.Tests.Infrastructure;

namespace Partnership.Security.Tests.HostileInput;

/// <summary>What every refused hostile request must look like: a problem response, no row written anywhere, the service well.</summary>
public static class Refusal
{
    public static async Task<JsonElement?> AssertRefusedAsync(HostedService service, Func<Task<HttpResponseMessage>> send,
        HttpStatusCode expected = HttpStatusCode.BadRequest)
    {
        var before = await DatabaseProbe.RowCountsAsync(service.ConnectionString);
        using var response = await send();
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {Shorten(body)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Npgsql", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        var after = await DatabaseProbe.RowCountsAsync(service.ConnectionString);
        Assert.Equal(before, after);
        await HostileInputFixture.AssertStillHealthyAsync(service);
        return body.Length == 0 ? null : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string Shorten(string text) => text.Length > 600 ? text[..600] + "…" : text;
}
