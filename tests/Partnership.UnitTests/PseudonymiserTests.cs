using Microsoft.Extensions.Options;
using Partnership.Board.Pseudonymisation;

namespace Partnership.UnitTests;

public sealed class PseudonymiserTests
{
    private static ChildPseudonymiser With(string key) => new(Options.Create(new PseudonymisationOptions { Key = key }));

    [Fact]
    public void Same_child_same_pseudonym_and_never_the_key_itself()
    {
        var p = With("k1");
        Assert.Equal(p.Pseudonymise("CH-0001"), p.Pseudonymise("CH-0001"));
        Assert.NotEqual(p.Pseudonymise("CH-0001"), p.Pseudonymise("CH-0002"));
        Assert.DoesNotContain("CH-0001", p.Pseudonymise("CH-0001"));
    }

    [Fact]
    public void Pseudonyms_depend_on_the_secret_key() =>
        Assert.NotEqual(With("k1").Pseudonymise("CH-0001"), With("k2").Pseudonymise("CH-0001"));
}
