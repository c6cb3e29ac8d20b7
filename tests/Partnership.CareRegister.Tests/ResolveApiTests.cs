using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace Partnership.CareRegister.Tests;

[Collection(CareRegisterCollection.Name)]
public sealed class ResolveApiTests(CareRegisterFixture fixture)
{
    private static object Lookup(string type, string value) => new { identifierType = type, value };

    [Fact]
    public async Task Each_agency_resolves_its_own_identifier_to_the_platform_key()
    {
        using var socialCare = await fixture.ClientAsync("social-care-system");
        var nhs = TestChildren.NewNhsNumber();
        var upn = TestChildren.NewUpn();
        var police = $"PR/{Guid.NewGuid():N}"[..20];
        var key = await TestChildren.CreateAsync(socialCare, nhs, upn, police);

        using var health = await fixture.ClientAsync("health-system", "child.resolve");
        var byNhs = await (await health.PostAsJsonAsync("/api/care-register/resolve", Lookup("NhsNumber", $"{nhs[..3]} {nhs[3..6]} {nhs[6..]}")))
            .BodyAsync(HttpStatusCode.OK);
        Assert.Equal(key, byNhs.GetProperty("childKey").GetString());

        using var school = await fixture.ClientAsync("virtual-school-system", "child.resolve");
        Assert.Equal(key, (await (await school.PostAsJsonAsync("/api/care-register/resolve", Lookup("Upn", upn))).BodyAsync(HttpStatusCode.OK))
            .GetProperty("childKey").GetString());

        using var policeSystem = await fixture.ClientAsync("police-system", "child.resolve");
        Assert.Equal(key, (await (await policeSystem.PostAsJsonAsync("/api/care-register/resolve", Lookup("PoliceReference", police))).BodyAsync(HttpStatusCode.OK))
            .GetProperty("childKey").GetString());

        var unknown = TestChildren.NewNhsNumber();
        Assert.Equal(HttpStatusCode.NotFound, (await health.PostAsJsonAsync("/api/care-register/resolve", Lookup("NhsNumber", unknown))).StatusCode);
    }

    [Fact]
    public async Task An_agency_may_not_resolve_another_agencys_identifier_and_the_refusal_is_audited()
    {
        using var socialCare = await fixture.ClientAsync("social-care-system");
        var nhs = TestChildren.NewNhsNumber();
        var upn = TestChildren.NewUpn();
        await TestChildren.CreateAsync(socialCare, nhs, upn);
        var refusalsBefore = await fixture.DbAsync(db => db.ResolveAudits.CountAsync(a => a.Outcome == "refused"));

        using var health = await fixture.ClientAsync("health-system", "child.resolve");
        Assert.Equal(HttpStatusCode.Forbidden, (await health.PostAsJsonAsync("/api/care-register/resolve", Lookup("Upn", upn))).StatusCode);
        using var school = await fixture.ClientAsync("virtual-school-system", "child.resolve");
        Assert.Equal(HttpStatusCode.Forbidden, (await school.PostAsJsonAsync("/api/care-register/resolve", Lookup("NhsNumber", nhs))).StatusCode);
        using var leavingCare = await fixture.ClientAsync("leaving-care-system", "child.resolve");
        Assert.Equal(HttpStatusCode.Forbidden, (await leavingCare.PostAsJsonAsync("/api/care-register/resolve", Lookup("NhsNumber", nhs))).StatusCode);

        // Without the child.resolve scope the call does not reach the handler at all.
        using var readOnly = await fixture.ClientAsync("social-care-system", "care-register.read");
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsJsonAsync("/api/care-register/resolve", Lookup("NhsNumber", nhs))).StatusCode);
        using var anonymous = await fixture.ClientAsync(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/care-register/resolve", Lookup("NhsNumber", nhs))).StatusCode);

        Assert.Equal(refusalsBefore + 3, await fixture.DbAsync(db => db.ResolveAudits.CountAsync(a => a.Outcome == "refused")));
    }

    [Fact]
    public async Task An_nhs_number_with_a_wrong_check_digit_is_a_field_error()
    {
        using var health = await fixture.ClientAsync("health-system", "child.resolve");
        await (await health.PostAsJsonAsync("/api/care-register/resolve", Lookup("NhsNumber", "9434765918"))).FieldErrorsAsync("Value");
        await (await health.PostAsJsonAsync("/api/care-register/resolve", Lookup("Passport", "X"))).FieldErrorsAsync("IdentifierType");
    }

    [Fact]
    public async Task Lookups_are_audited_with_who_when_type_and_outcome_but_never_the_identifier()
    {
        using var socialCare = await fixture.ClientAsync("social-care-system");
        var nhs = TestChildren.NewNhsNumber();
        await TestChildren.CreateAsync(socialCare, nhs);
        var lastBefore = await fixture.DbAsync(db => db.ResolveAudits.MaxAsync(a => (long?)a.Id)) ?? 0;

        using var health = await fixture.ClientAsync("health-system", "child.resolve");
        await (await health.PostAsJsonAsync("/api/care-register/resolve", Lookup("NhsNumber", nhs))).BodyAsync(HttpStatusCode.OK);

        var audit = await fixture.DbAsync(db => db.ResolveAudits.Where(a => a.Id > lastBefore && a.Caller == "health-system" && a.Found).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal("health", entry.Agency);
        Assert.Equal("NhsNumber", entry.IdentifierType);
        Assert.Equal("found", entry.Outcome);
        var anyColumnHoldsIt = await fixture.CountAsync("SELECT count(*) FROM resolve_audit r WHERE r::text LIKE '%' || @nhs || '%'", ("nhs", nhs));
        Assert.Equal(0, anyColumnHoldsIt);
    }
}
