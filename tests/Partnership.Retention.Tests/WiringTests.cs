using Partnership.Health.Data;
using Partnership.Retention.Tests.Infrastructure;
using Partnership.ServiceDefaults.Retention;
using Partnership.Sharing.Data;
using Partnership.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Partnership.Retention.Tests;

/// <summary>Which rules each kind of service ends up with, without planting data.</summary>
public sealed class WiringTests
{
    [Fact]
    public async Task A_service_composed_with_AddPartnershipService_prunes_its_outbox_and_inbox()
    {
        await using var identity = await IdentityHost.StartAsync();
        await using var health = await ServiceUnderTest<HealthDbContext>.StartAsync(identity, "healthdb");
        Assert.Equal(["inbox", "outbox-sent"], RetentionRun.RuleNames(health.Services).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_sharing_service_prunes_its_outbox_and_inbox_and_never_its_audit_chain()
    {
        await using var identity = await IdentityHost.StartAsync();
        await using var sharing = await ServiceUnderTest<SharingDbContext>.StartAsync(identity, "sharingdb");
        var rules = sharing.Services.GetRequiredService<RetentionJob>().Rules;
        Assert.Equal(["inbox", "outbox-sent"], rules.Select(r => r.Name).Order(StringComparer.Ordinal));
        var tables = rules.OfType<TableRetentionRule<SharingDbContext>>().Select(r => r.Policy.Table).ToList();
        Assert.DoesNotContain(SharingDbContext.AuditTable, tables);
    }
}
