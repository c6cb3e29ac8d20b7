using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Partnership.VirtualSchool.Tests;

/// <summary>CSV lines for hand-made feeds and posting them to the bulk endpoint, expecting success.</summary>
public static class BulkFeed
{
    public const string Endpoint = "/api/virtual-school/attendance/bulk";
    public const string Header = "childKey,date,session,mark";

    public static string Line(string child, DateOnly date, string session, string mark) => $"{child},{date:yyyy-MM-dd},{session},{mark}";

    /// <summary>Monday to Friday, morning and afternoon, for <paramref name="weeks"/> weeks, all with one mark.</summary>
    public static IEnumerable<string> Weeks(string child, DateOnly firstMonday, int weeks, string mark) =>
        from week in Enumerable.Range(0, weeks)
        from day in Enumerable.Range(0, 5)
        from session in new[] { "AM", "PM" }
        select Line(child, firstMonday.AddDays(week * 7 + day), session, mark);

    public static async Task<JsonElement> PostAsync(HttpClient http, IEnumerable<string> lines)
    {
        var response = await http.PostAsync(Endpoint, FeedContent.Csv(lines));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }
}
