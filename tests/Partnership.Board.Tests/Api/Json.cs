using System.Text.Json;

namespace Partnership.Board.Tests.Api;

public static class Json
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static JsonElement Indicator(JsonElement overview, string id) =>
        overview.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);

    public static int? Count(JsonElement indicator, string name) =>
        indicator.GetProperty(name).GetProperty("value") is { ValueKind: JsonValueKind.Number } v ? v.GetInt32() : null;

    public static decimal? Value(JsonElement indicator) =>
        indicator.GetProperty("value") is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : null;
}

public static class JsonErrors
{
    public static async Task<IReadOnlyList<string>> ReadErrorsAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var root = System.Text.Json.JsonDocument.Parse(body).RootElement;
        return root.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(p => p.Name).ToList() : [];
    }
}
