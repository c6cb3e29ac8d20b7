using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Partnership.CareRegister.Identifiers;
using Partnership.Security.Tests.Infrastructure;
using Partnership.ServiceDefaults.Auth;
using Partnership.Testing;

namespace Partnership.Security.Tests.Privacy;

/// <summary>
/// Children are created with names, dates of birth, NHS numbers and UPNs at the care register; their events reach the
/// board. Neither the board's database nor the care register's logs may hold any of those identifiers.
/// </summary>
public sealed partial class PersonalDataTests : IAsyncLifetime
{
    private sealed record Child(string GivenName, string FamilyName, string DateOfBirth, string NhsNumber, string Upn, string PoliceReference)
    {
        public string? ChildKey { get; set; }
        public IEnumerable<string> Identifiers => [GivenName, FamilyName, DateOfBirth, NhsNumber, Upn, PoliceReference];
    }

    private readonly CapturedLogs _careRegisterLogs = new();
    private readonly List<Child> _children = [];
    private IdentityHost _identity = null!;
    private HostedService _careRegister = null!;
    private HostedService _board = null!;

    public async ValueTask InitializeAsync()
    {
        _identity = await IdentityHost.StartAsync();
        _board = await PlatformServices.StartAsync(_identity, PartnershipApis.Board.Service);
        Assert.Equal(BusHealthStatus.Healthy,
            await _board.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60)));
        _careRegister = await PlatformServices.StartAsync(_identity, PartnershipApis.CareRegister.Service,
            new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Debug" },
            configureServices: services => services.AddSingleton<ILoggerProvider>(_careRegisterLogs));

        var serial = Random.Shared.Next(100_000, 900_000);
        for (var i = 0; i < 5; i++)
        {
            string? nhs = null;
            while (nhs is null)
            {
                nhs = NhsNumber.WithCheckDigit($"943{serial++:D6}");
            }
            // Names and dates no other part of the platform would produce by chance.
            _children.Add(new Child($"Zephyrine{serial}", $"Quillfeather{serial}", $"2012-0{i + 1}-2{i}", nhs,
                $"H{serial:D6}{serial:D6}", $"PR/{serial}/SEC"));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _careRegister.DisposeAsync();
        await _board.DisposeAsync();
        await _identity.DisposeAsync();
    }

    private async Task<HttpClient> ClientAsync(string clientId)
    {
        var http = _careRegister.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", await _identity.TokenAsync(clientId));
        return http;
    }

    private async Task CreateChildrenAndResolveThemAsync()
    {
        using var socialCare = await ClientAsync("social-care-system");
        foreach (var child in _children)
        {
            var created = await socialCare.PostAsJsonAsync("/api/care-register/children", new
            {
                givenName = child.GivenName, familyName = child.FamilyName, dateOfBirth = child.DateOfBirth, sex = 1, ethnicity = "WBRI",
                nhsNumber = child.NhsNumber, upn = child.Upn, policeReference = child.PoliceReference,
            });
            var body = await created.Content.ReadAsStringAsync();
            Assert.True(created.StatusCode == HttpStatusCode.Created, body);
            child.ChildKey = JsonDocument.Parse(body).RootElement.GetProperty("childKey").GetString();
            var entered = await socialCare.PostAsJsonAsync($"/api/care-register/children/{child.ChildKey}/enter-care",
                new { enteredCareOn = "2025-02-03", legalStatus = "C2", placementType = "U4", placementProvider = "PR1", withinTwentyMiles = true });
            Assert.Equal(HttpStatusCode.OK, entered.StatusCode);
        }

        using var health = await ClientAsync("health-system");
        using var school = await ClientAsync("virtual-school-system");
        using var police = await ClientAsync("police-system");
        foreach (var child in _children)
        {
            Assert.Equal(HttpStatusCode.OK, (await health.PostAsJsonAsync("/api/care-register/resolve", new { identifierType = "NhsNumber", value = child.NhsNumber })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await school.PostAsJsonAsync("/api/care-register/resolve", new { identifierType = "Upn", value = child.Upn })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await police.PostAsJsonAsync("/api/care-register/resolve", new { identifierType = "PoliceReference", value = child.PoliceReference })).StatusCode);
            // Refused and failed lookups are the paths most tempted to log what was asked for.
            Assert.Equal(HttpStatusCode.Forbidden, (await health.PostAsJsonAsync("/api/care-register/resolve", new { identifierType = "Upn", value = child.Upn })).StatusCode);
        }
        var unknown = _children[0].NhsNumber[..9] + (_children[0].NhsNumber[9] == '0' ? "1" : "0");
        await health.PostAsJsonAsync("/api/care-register/resolve", new { identifierType = "NhsNumber", value = unknown });
        // A duplicate registration is refused: its error path must not echo the identifiers either.
        await socialCare.PostAsJsonAsync("/api/care-register/children", new
        {
            givenName = _children[0].GivenName, familyName = _children[0].FamilyName, dateOfBirth = _children[0].DateOfBirth, sex = 1,
            ethnicity = "WBRI", nhsNumber = _children[0].NhsNumber, upn = _children[0].Upn,
        });
    }

    [Fact]
    public async Task Neither_the_board_database_nor_the_care_register_logs_hold_direct_identifiers()
    {
        await CreateChildrenAndResolveThemAsync();

        // Every child's ChildEnteredCare event has reached the board (its inbox records each event it consumed).
        await Eventually.WaitForAsync(() => InboxCountAsync(_board.ConnectionString), n => n >= _children.Count, TimeSpan.FromSeconds(90));

        var columns = await DatabaseProbe.ColumnsAsync(_board.ConnectionString);
        var identifyingColumns = columns.Where(c => IdentifyingColumn().IsMatch(c.Column)).Select(c => $"{c.Table}.{c.Column}").ToList();
        Assert.True(identifyingColumns.Count == 0, $"Board columns named like direct identifiers: {string.Join(", ", identifyingColumns)}");

        var values = await DatabaseProbe.AllValuesAsync(_board.ConnectionString);
        Assert.NotEmpty(values);
        var childKeys = _children.Select(c => c.ChildKey!).ToList();
        var findings = Scan(values.Select(v => ($"board {v.Table}.{v.Column}", v.Value)), includeChildKeys: childKeys).ToList();
        findings.AddRange(Scan(_careRegisterLogs.Entries.Select(e => ("care-register log", e)), includeChildKeys: []));
        Assert.True(findings.Count == 0, $"Direct identifiers found:\n{string.Join('\n', findings.Take(20))}");

        // The logs were captured at all (the scan above would pass vacuously on an empty sink).
        Assert.Contains(_careRegisterLogs.Entries, e => e.Contains("/api/care-register/resolve", StringComparison.Ordinal));
    }

    private IEnumerable<string> Scan(IEnumerable<(string Where, string Text)> texts, IReadOnlyList<string> includeChildKeys)
    {
        var known = _children.SelectMany(c => c.Identifiers).Concat(includeChildKeys).ToList();
        foreach (var (where, text) in texts)
        {
            foreach (var value in known.Where(v => text.Contains(v, StringComparison.OrdinalIgnoreCase)))
            {
                yield return $"{where}: contains '{value}'";
            }
            foreach (Match m in TenDigits().Matches(text))
            {
                if (NhsNumber.IsValid(m.Value))
                {
                    yield return $"{where}: an NHS number {m.Value}";
                }
            }
            foreach (Match m in Upn().Matches(text))
            {
                yield return $"{where}: a UPN {m.Value}";
            }
        }
    }

    private static async Task<long> InboxCountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM inbox_messages", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [GeneratedRegex(@"(^|_)(given_?name|family_?name|first_?name|last_?name|surname|full_?name|dob|date_?of_?birth|birth_?date|nhs|upn|postcode|address|child_?key)($|_)", RegexOptions.IgnoreCase)]
    private static partial Regex IdentifyingColumn();

    /// <summary>
    /// Ten digits standing on their own. Runs inside hex strings (GUIDs, trace ids, HMAC pseudonyms, generated queue and
    /// connection names) are not numbers anyone wrote down, and one in eleven of them passes the NHS check digit, which
    /// made this scan fail now and then on an id; an NHS number in a log or a column is delimited like any other value.
    /// </summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9])[0-9]{10}(?![A-Za-z0-9])")]
    private static partial Regex TenDigits();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Z][0-9]{12}(?![A-Za-z0-9])")]
    private static partial Regex Upn();
}
