using System.Reflection;
using NetArchTest.Rules;
using Partnership.Contracts;

namespace Partnership.UnitTests;

/// <summary>Rules from the brief that the compiler would not catch: contracts stay plain, services stay apart.</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Contracts = typeof(IntegrationEvent).Assembly;
    private static readonly Assembly Health = typeof(Partnership.Health.Data.HealthDbContext).Assembly;
    private static readonly Assembly Board = typeof(Partnership.Board.Data.BoardDbContext).Assembly;

    [Fact]
    public void Contracts_depend_on_nothing_of_the_platform()
    {
        var result = Types.InAssembly(Contracts).ShouldNot()
            .HaveDependencyOnAny("Partnership.ServiceDefaults", "Partnership.Health", "Partnership.Board", "MassTransit", "Microsoft.EntityFrameworkCore")
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Integration_events_are_sealed_immutable_records()
    {
        foreach (var type in Contracts.GetTypes().Where(t => t.IsSubclassOf(typeof(IntegrationEvent))))
        {
            Assert.True(type.IsSealed, $"{type} should be sealed");
            Assert.NotNull(type.GetMethod("<Clone>$"));
            foreach (var property in type.GetProperties())
            {
                var setter = property.SetMethod;
                Assert.True(setter is null || setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)),
                    $"{type.Name}.{property.Name} must be init-only");
            }
        }
    }

    [Fact]
    public void Integration_events_live_in_versioned_namespaces()
    {
        var unversioned = Contracts.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(IntegrationEvent)))
            .Where(t => t.Namespace is null || !System.Text.RegularExpressions.Regex.IsMatch(t.Namespace, @"\.V\d+$"));
        Assert.Empty(unversioned);
    }

    [Fact]
    public void Services_do_not_reference_each_other()
    {
        Assert.DoesNotContain(Health.GetReferencedAssemblies(), a => a.Name == Board.GetName().Name);
        Assert.DoesNotContain(Board.GetReferencedAssemblies(), a => a.Name == Health.GetName().Name);
    }
}
