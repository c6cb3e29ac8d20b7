using System.Net;
using System.Net.Http.Json;
using Partnership.CareRegister.Identifiers;

namespace Partnership.CareRegister.Tests;

/// <summary>Unique synthetic children for tests sharing one database (NHS numbers in the 999 test range).</summary>
public static class TestChildren
{
    private static int _serial = Random.Shared.Next(100_000, 800_000);

    public static string NewNhsNumber()
    {
        while (true)
        {
            if (NhsNumber.WithCheckDigit($"999{Interlocked.Increment(ref _serial):D6}") is { } number)
            {
                return number;
            }
        }
    }

    public static string NewUpn() => $"T{Interlocked.Increment(ref _serial):D11}A";

    public static object Body(string? nhs = null, string? upn = null, string? police = null, string? localId = null) => new
    {
        givenName = "Testy",
        familyName = "McTestface",
        dateOfBirth = "2014-05-17",
        sex = 2,
        ethnicity = "WBRI",
        nhsNumber = nhs,
        upn,
        policeReference = police,
        localChildId = localId,
    };

    public static async Task<string> CreateAsync(HttpClient socialCare, string? nhs = null, string? upn = null, string? police = null)
    {
        var response = await socialCare.PostAsJsonAsync("/api/care-register/children", Body(nhs, upn, police));
        var body = await response.BodyAsync(HttpStatusCode.Created);
        return body.GetProperty("childKey").GetString()!;
    }
}
