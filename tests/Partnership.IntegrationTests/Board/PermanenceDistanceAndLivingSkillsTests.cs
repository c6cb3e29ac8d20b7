using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Board.Data;
using Partnership.Board.Domain;
using Partnership.Board.Pseudonymisation;
using Partnership.CareRegister.Data;
using Partnership.CareRegister.Ssda903;
using Partnership.LeavingCare.Data;
using Partnership.Testing;

namespace Partnership.IntegrationTests.Board;

/// <summary>
/// The care register, the leaving care service and the board hosted together on one broker virtual host with real
/// tokens and databases: adoption milestones (recorded live and read from an SSDA903 return), within-20-miles flags
/// and living skills starts arrive as the board facts its 6.2, 7.4 and 3.2 measures read.
/// </summary>
public sealed class PermanenceDistanceAndLivingSkillsTests : IAsyncLifetime
{
    private IdentityHost _identity = null!;
    private ServiceUnderTest<BoardDbContext> _board = null!;
    private ServiceUnderTest<CareRegisterDbContext> _careRegister = null!;
    private ServiceUnderTest<LeavingCareDbContext> _leavingCare = null!;
    private string _broker = null!;

    public async ValueTask InitializeAsync()
    {
        _identity = await IdentityHost.StartAsync();
        var broker = _broker = await RabbitMqVirtualHosts.CreateAsync("agency-to-board");
        _board = await StartAsync<BoardDbContext>("boarddb", broker);
        // The board's queues exist before anything is published, so no event is missed.
        Assert.Equal(BusHealthStatus.Healthy,
            await _board.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60)));
        _careRegister = await StartAsync<CareRegisterDbContext>("careregisterdb", broker);
        _leavingCare = await StartAsync<LeavingCareDbContext>("leavingcaredb", broker);
    }

    public async ValueTask DisposeAsync()
    {
        await _leavingCare.DisposeAsync();
        await _careRegister.DisposeAsync();
        await _board.DisposeAsync();
        await _identity.DisposeAsync();
        await RabbitMqVirtualHosts.DeleteAsync(_broker);
    }

    private async Task<ServiceUnderTest<T>> StartAsync<T>(string connectionName, string broker) where T : class
    {
        var service = new ServiceUnderTest<T>(_identity, connectionName, await TestInfrastructure.CreateDatabaseAsync(connectionName), messaging: broker);
        _ = service.Server;
        return service;
    }

    [Fact]
    public async Task Live_and_imported_adoption_milestones_distance_flags_and_living_skills_starts_become_board_facts()
    {
        using var socialCare = await _careRegister.ClientAsync("social-care-system");
        var child = (await Body(await socialCare.PostAsJsonAsync("/api/care-register/children", new
        {
            givenName = "Integra", familyName = "Tion", dateOfBirth = "2010-02-14", sex = 1, ethnicity = "WBRI",
        }), HttpStatusCode.Created)).GetProperty("childKey").GetString()!;
        var register = $"/api/care-register/children/{child}";
        await Body(await socialCare.PostAsJsonAsync($"{register}/enter-care", new
        {
            enteredCareOn = "2025-03-01", legalStatus = "C2", placementType = "U4", homePostcode = "NG7 3AB", placementPostcode = "NG18 2CD",
        }), HttpStatusCode.OK);
        await Body(await socialCare.PostAsJsonAsync($"{register}/placement-changes", new
        {
            changedOn = "2025-08-01", placementType = "K2", reason = "CARPL", placementPostcode = "LN1 4EF",
        }), HttpStatusCode.OK);
        await Body(await socialCare.PostAsJsonAsync($"{register}/adoption-milestones", new { milestone = "BestInterestDecision", on = "2025-05-01" }), HttpStatusCode.OK);
        await Body(await socialCare.PostAsJsonAsync($"{register}/adoption-milestones", new { milestone = "PlanApprovedByDecisionMaker", on = "2025-07-14" }), HttpStatusCode.OK);

        using var leavingCare = await _leavingCare.ClientAsync("leaving-care-system");
        await Body(await leavingCare.PostAsJsonAsync("/api/leaving-care/care-leavers", new { childKey = child, dateOfBirth = "2010-02-14", category = "Eligible" }),
            HttpStatusCode.Created);
        await Body(await leavingCare.PostAsJsonAsync("/api/leaving-care/living-skills", new { childKey = child, startedOn = "2026-03-02" }), HttpStatusCode.Created);

        var imported = await ImportReturnAsync(socialCare);

        var pseudonym = _board.Services.GetRequiredService<ChildPseudonymiser>().Pseudonymise(child);
        var importedPseudonym = _board.Services.GetRequiredService<ChildPseudonymiser>().Pseudonymise(imported);
        var facts = await Eventually.WaitForAsync(() => FactsAsync(pseudonym, importedPseudonym), f => f.Count >= 13, TimeSpan.FromSeconds(60));

        Assert.Equal([true, false], facts.Where(f => f.Child == pseudonym && f.Kind is FactKinds.CareEntered or FactKinds.PlacementChanged)
            .OrderBy(f => f.On).Select(f => f.Flag));
        Assert.Equal(
            [(1, new DateOnly(2025, 5, 1), new DateOnly(2025, 3, 1)), (2, new DateOnly(2025, 7, 14), new DateOnly(2025, 3, 1))],
            facts.Where(f => f.Child == pseudonym && f.Kind == FactKinds.Adoption).OrderBy(f => f.Number).Select(f => (f.Number!.Value, f.On, f.OtherDate!.Value)));
        Assert.Equal(new DateOnly(2026, 3, 2), Assert.Single(facts, f => f.Child == pseudonym && f.Kind == FactKinds.LivingSkills).On);

        // The return's adoption: best interest decision, placement order, match, placed and adopted, from entry to care.
        Assert.Equal([1, 3, 4, 5, 6], facts.Where(f => f.Child == importedPseudonym && f.Kind == FactKinds.Adoption).Select(f => f.Number!.Value).Order());
        Assert.All(facts.Where(f => f.Child == importedPseudonym && f.Kind == FactKinds.Adoption), f => Assert.Equal(new DateOnly(2023, 11, 20), f.OtherDate));
        Assert.Equal([true, true, false], facts.Where(f => f.Child == importedPseudonym && f.Kind == FactKinds.Ssda903Episode).OrderBy(f => f.On).Select(f => f.Flag));
    }

    /// <summary>A one-child return for 2025: in care from November 2023, a placement order, adopters in Lincoln, adopted.</summary>
    private async Task<string> ImportReturnAsync(HttpClient socialCare)
    {
        var localId = $"IT{Random.Shared.Next(100_000, 999_999)}";
        string Csv(Ssda903FileKind kind, params string[] rows) => string.Join('\n', [string.Join(',', Ssda903Files.RequiredColumns[kind]), .. rows]);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Csv(Ssda903FileKind.Header, $"{localId},2,05/06/2022,WBRI,,,")), "files", "header.csv" },
            {
                new StringContent(Csv(Ssda903FileKind.Episodes,
                    $"{localId},20/11/2023,S,C2,N1,U4,PR1,10/05/2024,X1,,NG5 1AB,NG9 2CD,",
                    $"{localId},10/05/2024,L,E1,N1,U4,PR1,02/09/2024,X1,,NG5 1AB,NG9 2CD,",
                    $"{localId},02/09/2024,P,E1,N1,A6,PR1,20/02/2025,E11,APPRR,NG5 1AB,LN1 3EF,")),
                "files", "episodes.csv"
            },
            { new StringContent(Csv(Ssda903FileKind.Ad1, $"{localId},05/06/2022,01/03/2024,15/08/2024,0,2,MF,L11")), "files", "ad1.csv" },
        };
        var report = await Body(await socialCare.PostAsync("/api/care-register/imports/2025", form), HttpStatusCode.Created);
        Assert.Equal(0, report.GetProperty("warnings").GetInt32() + report.GetProperty("errors").GetInt32());
        return await _careRegister.WithServiceAsync<CareRegisterDbContext, string>(db =>
            db.Database.SqlQuery<string>($"SELECT child_key AS \"Value\" FROM ssda903_child_keys WHERE local_child_id = {localId}").SingleAsync());
    }

    private Task<List<ChildFact>> FactsAsync(params string[] children) =>
        _board.WithServiceAsync<BoardDbContext, List<ChildFact>>(db => db.Facts.AsNoTracking().Where(f => children.Contains(f.Child)).ToListAsync());

    private static async Task<JsonElement> Body(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
